import { afterEach, describe, expect, it } from "vitest";
import { GraphRequestError } from "../../src/graph/graph-errors.js";
import { transactionIdFor } from "../../src/graph/graph-scheduler.js";
import { meetingRequest, startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
afterEach(() => stack?.close());

describe("GraphScheduler against the fake Graph (real MSAL, real Graph SDK, HTTPS)", () => {
  it("create makes exactly one Teams event with the attendees, UTC times and body", async () => {
    stack = await startGraphStack();
    const request = meetingRequest();

    const ref = await stack.scheduler.createMeeting(request);

    const events = stack.fake.state.liveEvents(stack.fake.config.organizer);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(ref).toEqual({ provider: "graph", externalId: event.id, iCalUId: event.iCalUId, joinUrl: event.joinUrl });
    expect(ref.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event.subject).toBe(request.subject);
    expect(event.body).toEqual({ contentType: "text", content: request.body });
    expect([event.startTimeZone, event.endTimeZone]).toEqual(["UTC", "UTC"]);
    expect(new Date(event.startMs).toISOString()).toBe(request.start);
    expect(new Date(event.endMs).toISOString()).toBe(request.end);
    expect(event.attendees).toEqual([
      { type: "required", name: "Aino Virtanen", address: "aino.virtanen@thl.example" },
      { type: "required", name: "Lars Berg", address: "lars.berg@socialstyrelsen.example" },
    ]);
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe("teamsForBusiness");
    expect(event.transactionId).toBe(transactionIdFor(request.consultationId));
    expect(event.allowNewTimeProposals).toBe(false);
    expect(stack.fake.state.graphRequests()).toHaveLength(1);
  });

  it("a create retried after a lost answer returns the first event instead of making a second", async () => {
    stack = await startGraphStack();
    const request = meetingRequest();
    stack.fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });

    const lost = await stack.scheduler.createMeeting(request).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(GraphRequestError);
    expect(lost).toMatchObject({ status: null, retryable: true });
    // The fake did create it; the client just never heard.
    expect(stack.fake.state.liveEvents()).toHaveLength(1);

    const ref = await stack.scheduler.createMeeting(request);

    const events = stack.fake.state.liveEvents();
    expect(events).toHaveLength(1);
    expect(ref.externalId).toBe(events[0]!.id);
    expect(ref.joinUrl).toBe(events[0]!.joinUrl);
  });

  it("update PATCHes the same event, moves it and keeps the join URL", async () => {
    stack = await startGraphStack();
    const request = meetingRequest();
    const created = await stack.scheduler.createMeeting(request);
    const moved = meetingRequest({
      consultationId: request.consultationId,
      subject: "Samråd (flyttad)",
      start: "2026-03-03T12:00:00.000Z",
      end: "2026-03-03T12:45:00.000Z",
      attendees: [{ name: "Aino Virtanen", email: "aino.virtanen@thl.example" }],
      sequence: 1,
    });

    const updated = await stack.scheduler.updateMeeting(created, moved);

    expect(updated).toEqual(created);
    const events = stack.fake.state.liveEvents();
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(new Date(event.startMs).toISOString()).toBe(moved.start);
    expect(new Date(event.endMs).toISOString()).toBe(moved.end);
    expect(event.subject).toBe("Samråd (flyttad)");
    expect(event.attendees.map((a) => a.address)).toEqual(["aino.virtanen@thl.example"]);
    expect(event.patches).toHaveLength(1);
    expect(stack.fake.state.graphRequests({ method: "POST" })).toHaveLength(1);
    expect(stack.fake.state.graphRequests({ method: "PATCH" })).toHaveLength(1);
  });

  it("update of a meeting that is no longer in the calendar fails with a non-retryable 404", async () => {
    stack = await startGraphStack();
    const created = await stack.scheduler.createMeeting(meetingRequest());
    await stack.scheduler.cancelMeeting(created, "Inställt");

    const error = await stack.scheduler.updateMeeting(created, meetingRequest()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 404, code: "ErrorItemNotFound", retryable: false });
  });

  it("cancel cancels the event with the reason, and a second cancel is harmless", async () => {
    stack = await startGraphStack();
    const created = await stack.scheduler.createMeeting(meetingRequest());

    await stack.scheduler.cancelMeeting(created, "Experten är sjuk");
    await stack.scheduler.cancelMeeting(created, "Experten är sjuk");

    expect(stack.fake.state.liveEvents()).toHaveLength(0);
    expect(stack.fake.state.events.get(created.externalId)?.cancelled?.comment).toBe("Experten är sjuk");
    const cancels = stack.fake.state.graphRequests({ pathIncludes: "/cancel" });
    expect(cancels.map((r) => r.outcome)).toEqual([202, 404]);
  });
});
