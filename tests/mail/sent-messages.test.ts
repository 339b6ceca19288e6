/**
 * What the coordinator sees of a consultation's mail (GET /api/consultations/:id/messages) when
 * delivery goes wrong: the refusal as a code, when it is tried next, and that it gave up; never
 * the server's text, which may quote an address.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GraphRequestError } from "../../src/graph/graph-errors.js";
import { sendDueMail } from "../../src/mail/mail-delivery.js";
import { createSmtpMailer } from "../../src/mail/smtp-mailer.js";
import type { Mailer } from "../../src/meetings/scheduler.js";
import { startSmtpCatcher, type SmtpCatcher } from "../fakes/smtp/catcher.js";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { TEST_SECRET_KEY } from "./mail-support.js";

interface Listed {
  id: string;
  kind: string;
  recipientRole: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  nextAttemptAt: string | null;
  reason: string | null;
}

async function listed(t: TestApp, consultationId: string): Promise<Listed[]> {
  const answer = await t.call("GET", `/api/consultations/${consultationId}/messages`, { token: t.coordinator });
  expect(answer.status).toBe(200);
  return answer.body.items as Listed[];
}

describe("the coordinator's list of a consultation's mail", () => {
  let catcher: SmtpCatcher | undefined;
  let t: TestApp | undefined;
  let close: (() => void) | undefined;
  afterEach(async () => {
    close?.();
    await t?.close();
    await catcher?.close();
    catcher = t = close = undefined;
  });

  it("shows a refused message as pending with the SMTP code and its next try, then failed after the last attempt", async () => {
    let refuse = true;
    // A roll below a third of the fault rate is a 451 (try again later); at or above the rate, accepted.
    catcher = await startSmtpCatcher({ faultRate: 0.9, random: () => (refuse ? 0 : 0.95) });
    const mailer = createSmtpMailer({ url: catcher.url, from: "Samråd <samrad@example.test>" });
    close = () => mailer.close();
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY }, mailer });
    const s = await seedRequested(t);
    expect(s.requested.status).toBe(200);

    const [request] = (await listed(t, s.consultationId)).filter((m) => m.kind === "request");
    expect(request).toMatchObject({ recipientRole: "expert", status: "pending", attempts: 1, sentAt: null, reason: "SMTP 451" });
    expect(Date.parse(request!.nextAttemptAt!)).toBeGreaterThan(t.clock.now().getTime());
    expect(catcher.faults.tempfail).toBe(1);

    // The refusals go on: each try is one more attempt, until the tenth gives up.
    for (let i = 0; i < 30 && (await listed(t, s.consultationId)).find((m) => m.kind === "request")!.status === "pending"; i++) {
      t.clock.advanceMinutes(20);
      await sendDueMail(t.deps, { consultationId: s.consultationId });
    }
    const failed = (await listed(t, s.consultationId)).find((m) => m.kind === "request")!;
    expect(failed).toMatchObject({ status: "failed", attempts: 10, sentAt: null, nextAttemptAt: null, reason: "SMTP 451" });
    expect(catcher.faults.tempfail).toBe(10);
    expect(catcher.mails).toHaveLength(0);

    // A failed message is not tried again on its own, even once the server accepts mail.
    refuse = false;
    t.clock.advanceMinutes(60);
    await sendDueMail(t.deps);
    expect(catcher.mails).toHaveLength(0);

    // The coordinator sends it again: queued at once with a fresh budget, then it goes, once.
    const path = `/api/consultations/${s.consultationId}/messages/${failed.id}/retry`;
    expect((await t.call("POST", path, { token: s.memberToken })).status).toBe(403);
    const queued = await t.call("POST", path, { token: t.coordinator });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ id: failed.id, kind: "request", status: "pending", attempts: 0, nextAttemptAt: t.clock.now().toISOString() });
    await sendDueMail(t.deps);
    expect(catcher.mails.map((m) => m.envelopeTo[0])).toEqual(["astrid.testesen@example.org"]);
    expect((await listed(t, s.consultationId)).find((m) => m.id === failed.id)).toMatchObject({ status: "sent", attempts: 1, reason: null });
    // Only a failed message can be sent again: a sent one is a conflict, an unknown one is not found.
    const again = await t.call("POST", path, { token: t.coordinator });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    const unknown = await t.call("POST", `/api/consultations/${s.consultationId}/messages/no-such-message/retry`, { token: t.coordinator });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    // The reminders recorded with the request wait for their day, with nothing wrong to report.
    const reminders = (await listed(t, s.consultationId)).filter((m) => m.kind.startsWith("reminder."));
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) expect(r).toMatchObject({ status: "pending", attempts: 0, reason: null });
  });

  it("shows a Graph refusal by its status and code, without Graph's text or the address it quotes", async () => {
    const address = "astrid.testesen@example.org";
    const refusing: Mailer = {
      canSend: true,
      provider: "graph",
      async send() {
        throw new GraphRequestError({ operation: "send mail", status: 400, code: "ErrorInvalidRecipients", message: `Recipient ${address} isn't valid.` });
      },
    };
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY }, mailer: refusing });
    const s = await seedRequested(t);
    expect(s.requested.status).toBe(200);

    // A 400 is the same on every try: it fails at once.
    const request = (await listed(t, s.consultationId)).find((m) => m.kind === "request")!;
    expect(request).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null, reason: "Graph 400 ErrorInvalidRecipients" });
    const rows = JSON.stringify(t.handle.raw.prepare("select * from mail_messages").all());
    expect(rows).not.toContain("isn't valid");
    expect(rows).not.toContain(address);
  });
});
