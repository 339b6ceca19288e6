/**
 * The same flow through the fake Graph's sendMail when a tenant is configured: HTML mail in each
 * reader's language, the Teams link and the invitation (the event's UID) in the confirmation, the
 * same UID with a higher SEQUENCE after new times, CANCEL after a cancellation; nothing kept.
 */
import { afterEach, describe, expect, it } from "vitest";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { capturingLogger, TEST_SECRET_KEY, until } from "../mail/mail-support.js";
import { startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
let t: TestApp;
afterEach(async () => {
  await t?.close();
  await stack?.close();
});

describe("mail through Graph sendMail", () => {
  it("sends the request and the invitations from the organiser mailbox", async () => {
    stack = await startGraphStack();
    const log = capturingLogger();
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: "debug" }, scheduler: stack.scheduler, mailer: stack.mailer, log });
    const s = await seedRequested(t);
    expect(s.requested.body.expertMessage.sent).toBe(true);
    await until(() => stack.fake.state.mails.length === 1, "the request");
    const request = stack.fake.state.mails[0]!;
    expect(request.to).toEqual([{ name: "Astrid Testesen", address: "astrid.testesen@example.org" }]);
    expect(request.subject).toBe("Förfrågan om en nordisk konsultation: Early support for families");
    expect(request.body.contentType).toBe("html");
    expect(request.body.content).toContain('<html lang="sv">');
    expect(request.body.content).toContain(`/e/${s.secret}`);

    expect((await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } })).status).toBe(200);
    await until(() => stack.fake.state.mails.length === 4, "three invitations");
    const invitations = stack.fake.state.mails.slice(1);
    expect(invitations.map((m) => m.to[0]!.address).sort()).toEqual(["astrid.testesen@example.org", "mikko.keksitty@example.fi", "sanna.k@example.fi"]);
    const joinUrl = (await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken })).body.meeting.joinUrl as string;
    expect(joinUrl).toMatch(/^https:\/\//);
    for (const m of invitations) expect(m.body.content).toContain(joinUrl.replace(/&/g, "&amp;"));
    expect(invitations.find((m) => m.to[0]!.address === "mikko.keksitty@example.fi")!.subject).toBe("Vahvistettu: Early support for families");
    // Each invitation is attached with the Teams event's own UID, so calendars hold one entry.
    const unfolded = (m: (typeof invitations)[number]) => m.attachments[0]!.content.replace(/\r\n[ \t]/g, "");
    const uid = (await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken })).body.meeting.iCalUId as string;
    for (const m of invitations) {
      expect(m.attachments.map((a) => a.contentType)).toEqual(["text/calendar; method=REQUEST"]);
      expect(unfolded(m)).toContain(`UID:${uid}\r\n`);
      expect(unfolded(m)).toContain("SEQUENCE:0\r\n");
    }

    // New times: the expert is asked again; once confirmed, the same UID with a higher SEQUENCE.
    const moved = await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-10T10:00:00+02:00" }, { start: "2027-03-10T13:00:00+02:00" }] },
    });
    expect(moved.status).toBe(200);
    await until(() => stack.fake.state.mails.length === 5, "the new request");
    expect(stack.fake.state.mails[4]!.subject).toBe("Nya föreslagna tider: Early support for families");
    expect((await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: moved.body.slots[1].id } })).status).toBe(200);
    await until(() => stack.fake.state.mails.length === 8, "the updated invitations");
    const updated = stack.fake.state.mails.slice(5);
    expect(updated.map((m) => m.to[0]!.address).sort()).toEqual(["astrid.testesen@example.org", "mikko.keksitty@example.fi", "sanna.k@example.fi"]);
    for (const m of updated) {
      expect(unfolded(m)).toContain("METHOD:REQUEST");
      expect(unfolded(m)).toContain(`UID:${uid}\r\n`);
      expect(unfolded(m)).toContain("SEQUENCE:1\r\n");
    }

    // Cancelled: METHOD:CANCEL with the same UID to everyone.
    expect((await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: { reason: "Illness in the team" } })).status).toBe(200);
    await until(() => stack.fake.state.mails.length === 11, "the cancellations");
    for (const m of stack.fake.state.mails.slice(8)) {
      expect(m.attachments.map((a) => a.contentType)).toEqual(["text/calendar; method=CANCEL"]);
      expect(unfolded(m)).toContain(`UID:${uid}\r\n`);
    }
    // Each message once, under its own key.
    expect(new Set(stack.fake.state.mails.map((m) => m.headers["X-Samrad-Message-Key"])).size).toBe(11);

    // No secret and no message text in the database or the logs after delivery.
    const tables = (t.handle.raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const dump = tables.map((name) => JSON.stringify(t.handle.raw.prepare(`select * from "${name}"`).all())).join("\n");
    expect(log.lines.some((l) => l.includes('"mail sent"'))).toBe(true);
    for (const needle of [s.secret, "Förfrågan om en nordisk", "Vahvistettu:", "BEGIN:VCALENDAR", "<html"]) {
      expect(dump, needle).not.toContain(needle);
      expect(log.lines.join("\n"), needle).not.toContain(needle);
    }
    expect(log.lines.join("\n")).not.toContain("astrid.testesen@example.org");
  });

  it("sends at most 4 requests at once to the organiser mailbox, mail and calendar together", async () => {
    stack = await startGraphStack();
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY }, scheduler: stack.scheduler, mailer: stack.mailer });
    const s = await seedRequested(t);
    // Slow answers, so that the sends overlap; eight new requests at once, each mailed as it is made.
    stack.fake.faults.add({ match: { pathIncludes: "/sendMail" }, kind: "slow", delayMs: 150, times: Infinity, probability: 1 });
    const drafts = await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        const created = await t.call("POST", "/api/consultations", {
          token: s.memberToken,
          body: { topicId: s.topicId, briefId: s.briefId, expertId: s.expertId, durationMinutes: 30, slots: [{ start: `2027-03-${15 + (k % 4)}T${k < 4 ? "09" : "13"}:00:00+02:00` }, { start: `2027-03-${15 + (k % 4)}T${k < 4 ? "11" : "15"}:00:00+02:00` }] },
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        return created.body.id as string;
      }),
    );
    stack.fake.state.maxInFlight = 0;
    const answers = await Promise.all(drafts.map((id) => t.call("POST", `/api/consultations/${id}/request`, { token: s.memberToken })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    await until(() => stack.fake.state.mails.length === 9, "eight more requests");
    expect(stack.fake.state.maxInFlight).toBeGreaterThan(1);
    expect(stack.fake.state.maxInFlight).toBeLessThanOrEqual(4);
  });
});
