import { afterEach, describe, expect, it } from "vitest";
import { meetingRequest, startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
afterEach(() => stack?.close());

describe("GraphMailer", () => {
  it("sends a plain-text mail from the organiser's mailbox, kept in Sent Items", async () => {
    stack = await startGraphStack();

    await stack.mailer.send({
      to: { name: "Aino Virtanen", email: "aino.virtanen@thl.example" },
      subject: "Brief: unga vuxna",
      body: "Hej Aino,\nhär är briefen.",
    });

    expect(stack.mailer.canSend).toBe(true);
    expect(stack.fake.state.mails).toEqual([
      {
        mailbox: stack.fake.config.organizer,
        subject: "Brief: unga vuxna",
        body: { contentType: "text", content: "Hej Aino,\nhär är briefen." },
        to: [{ name: "Aino Virtanen", address: "aino.virtanen@thl.example" }],
        // No invitation and no message key were given: neither is sent.
        attachments: [],
        headers: {},
        saveToSentItems: true,
        atMs: expect.any(Number),
      },
    ]);
  });
});

describe("GraphFreeBusy", () => {
  it("returns the blocking intervals of every mailbox from one getSchedule request", async () => {
    const expert = "lars.berg@socialstyrelsen.example";
    stack = await startGraphStack();
    stack.fake.state.setBusy(expert, [
      { start: "2026-03-02T06:00:00Z", end: "2026-03-02T07:00:00Z", status: "busy" },
      { start: "2026-03-02T08:00:00Z", end: "2026-03-02T08:30:00Z", status: "tentative" },
      { start: "2026-03-02T09:00:00Z", end: "2026-03-02T10:00:00Z", status: "workingElsewhere" },
      { start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:00:00Z", status: "free" },
      { start: "2026-03-02T12:00:00Z", end: "2026-03-02T16:00:00Z", status: "oof" },
      { start: "2026-03-03T06:00:00Z", end: "2026-03-03T07:00:00Z", status: "busy" },
    ]);
    // The organiser's own Samråd meeting is busy time too.
    await stack.scheduler.createMeeting(meetingRequest({ start: "2026-03-02T11:00:00Z", end: "2026-03-02T11:30:00Z" }));
    const before = stack.fake.state.graphRequests().length;

    const busy = await stack.freeBusy.getSchedule(
      [expert, stack.fake.config.organizer, "stranger@elsewhere.example"],
      "2026-03-02T05:00:00Z",
      "2026-03-02T17:00:00Z",
      30,
    );

    expect(stack.fake.state.graphRequests().length - before).toBe(1);
    expect(busy.get(expert)).toEqual([
      { start: "2026-03-02T06:00:00.000Z", end: "2026-03-02T07:00:00.000Z", status: "busy" },
      { start: "2026-03-02T08:00:00.000Z", end: "2026-03-02T08:30:00.000Z", status: "tentative" },
      { start: "2026-03-02T12:00:00.000Z", end: "2026-03-02T16:00:00.000Z", status: "oof" },
    ]);
    expect(busy.get(stack.fake.config.organizer)).toEqual([
      { start: "2026-03-02T11:00:00.000Z", end: "2026-03-02T11:30:00.000Z", status: "busy" },
    ]);
    // Graph could not look the stranger up: unknown, which is not the same as free.
    expect(busy.has("stranger@elsewhere.example")).toBe(false);
  });

  it("asks nothing of Graph for an empty list", async () => {
    stack = await startGraphStack();

    const busy = await stack.freeBusy.getSchedule([], "2026-03-02T05:00:00Z", "2026-03-02T17:00:00Z");

    expect(busy.size).toBe(0);
    expect(stack.fake.state.requests).toHaveLength(0);
  });
});
