/**
 * A simulated month with a controlled clock: the background tick runs every 30 minutes from
 * Monday 22 March to 20 April 2027 (summer time starts on 28 March; Easter, with Maundy Thursday
 * off in Iceland and Denmark). A Stockholm expert who answers late and a Reykjavik expert who declines. Asserts the
 * exact set of messages each person received, each once, reminders each at a local working hour.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { backgroundTick } from "../../src/background.js";
import { isHumanHour } from "../../src/mail/human-hours.js";
import { messageIdOf } from "../../src/mail/mail-kinds.js";
import type { Mailer, OutgoingMail } from "../../src/meetings/scheduler.js";
import { seedGroup, testApp } from "../helpers/test-app.js";
import { TEST_SECRET_KEY } from "./mail-support.js";

interface Sent {
  to: string;
  messageId: string;
  subject: string;
  atMs: number;
}

function recordingMailer(clock: { now(): Date }): Mailer & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    canSend: true,
    provider: "smtp",
    sent,
    async send(mail: OutgoingMail) {
      sent.push({ to: mail.to.email, messageId: mail.messageId!, subject: mail.subject, atMs: clock.now().getTime() });
    },
  };
}

const START = "2027-03-22T08:00:00.000Z";
const END = "2027-04-20T08:00:00.000Z";
const REMINDERS = new Set(["reminder.answer", "reminder.answer.group", "reminder.session", "evaluation.request", "evaluation.reminder"]);

describe("reminders over a simulated month", () => {
  it("reach each person once, at a working hour of their own, and stop when answered or evaluated", { timeout: 120_000 }, async () => {
    let clockRef: { now(): Date } = { now: () => new Date(START) };
    const mailer = recordingMailer({ now: () => clockRef.now() });
    const t = await testApp({ now: START, env: { SECRET_KEY: TEST_SECRET_KEY }, mailer });
    clockRef = t.clock;
    const g = await seedGroup(t, { expertZone: "Europe/Stockholm", languages: ["sv", "en"] });
    const org = await t.call("POST", "/api/organisations", {
      token: t.coordinator,
      body: { name: "Velferðarstofa Fiktíf", country: "IS", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } },
    });
    expect(org.status).toBe(201);
    const reykjavik = await t.call("POST", "/api/experts", {
      token: t.coordinator,
      body: { organisationId: org.body.id, name: "Jón Uppdiktaðsson", email: "jon.u@example.is", languages: ["is", "en"], timeZone: "Atlantic/Reykjavik", themes: ["child protection"] },
    });
    expect(reykjavik.status).toBe(201);
    const members = t.handle.raw.prepare("select id, email from group_members where groupId = ?").all(g.groupId) as { id: string; email: string }[];

    const consult = async (expertId: string, starts: string[]) => {
      const created = await t.call("POST", "/api/consultations", {
        token: g.memberToken,
        body: { topicId: g.topicId, briefId: g.briefId, expertId, durationMinutes: 45, slots: starts.map((start) => ({ start })) },
      });
      expect(created.status).toBe(201);
      const requested = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
      expect(requested.status).toBe(200);
      return { id: created.body.id as string, slots: created.body.slots as { id: string }[], secret: String(requested.body.expertLink).split("/e/")[1]! };
    };

    // A: requested Monday 22 March 10:00 Helsinki; the session on Thursday 8 April 10:00 Helsinki (summer time by then).
    const a = await consult(g.expertId, ["2027-04-08T10:00:00+03:00", "2027-04-08T13:00:00+03:00"]);
    const actions: { at: string; run: () => Promise<void> }[] = [
      {
        // B: requested Wednesday 24 March 14:00 Helsinki, before Easter: Iceland keeps Maundy Thursday, Good Friday and Easter Monday.
        at: "2027-03-24T12:00:00.000Z",
        run: async () => {
          b = await consult(reykjavik.body.id, ["2027-04-14T12:00:00+03:00", "2027-04-15T12:00:00+03:00"]);
        },
      },
      {
        at: "2027-03-30T11:00:00.000Z",
        run: async () => expect((await t.call("POST", `/api/expert/${a.secret}/confirm`, { body: { slotId: a.slots[0]!.id } })).status).toBe(200),
      },
      {
        at: "2027-04-02T10:00:00.000Z",
        run: async () => expect((await t.call("POST", `/api/expert/${b!.secret}/decline`, { body: { reason: "Away" } })).status).toBe(200),
      },
      {
        // Mikko evaluates the day after the session: he gets no evaluation reminder.
        at: "2027-04-09T09:00:00.000Z",
        run: async () => {
          const r = await t.call("POST", `/api/consultations/${a.id}/evaluations`, {
            token: g.memberToken,
            body: { usefulness: 5, preparation: 4, technicalQuality: 4, durationFit: "right", wouldRecommend: true, followUpInterest: false },
          });
          expect(r.status).toBe(201);
        },
      },
    ];
    let b: { id: string; secret: string } | undefined;

    for (let ms = Date.parse(START); ms <= Date.parse(END); ms += 30 * 60_000) {
      t.clock.set(new Date(ms).toISOString());
      for (const action of actions.filter((x) => Date.parse(x.at) === ms)) await action.run();
      await backgroundTick(t.deps);
    }

    // Which message each delivery was: its Message-ID comes from its key.
    const rows = t.handle.raw.prepare("select messageKey, consultationId, kind, status from mail_messages").all() as { messageKey: string; consultationId: string; kind: string; status: string }[];
    const byId = new Map<string, { kind: string; consultation: string }>();
    for (const r of rows) byId.set(await messageIdOf(r.messageKey, "http://samrad.test"), { kind: r.kind, consultation: r.consultationId === a.id ? "A" : "B" });
    const got = (email: string) =>
      mailer.sent
        .filter((m) => m.to === email)
        .map((m) => `${byId.get(m.messageId)!.consultation} ${byId.get(m.messageId)!.kind}`)
        .sort();

    const mikko = "mikko.keksitty@example.fi";
    const sanna = "sanna.k@example.fi";
    expect(got("astrid.testesen@example.org")).toEqual(
      ["A request", "A reminder.answer", "A confirmed", "A reminder.session", "A evaluation.request", "A evaluation.reminder"].sort(),
    );
    expect(got("jon.u@example.is")).toEqual(["B request", "B reminder.answer"].sort());
    expect(got(mikko)).toEqual(["A reminder.answer.group", "A confirmed", "A reminder.session", "A evaluation.request", "B reminder.answer.group", "B closed"].sort());
    expect(got(sanna)).toEqual(
      ["A reminder.answer.group", "A confirmed", "A reminder.session", "A evaluation.request", "A evaluation.reminder", "B reminder.answer.group", "B closed"].sort(),
    );
    expect(members).toHaveLength(2);

    // Each exactly once.
    expect(new Set(mailer.sent.map((m) => m.messageId)).size).toBe(mailer.sent.length);

    // Every reminder at a working hour in its reader's zone, on their working day.
    const readers: Record<string, { zone: string; country: string }> = {
      "astrid.testesen@example.org": { zone: "Europe/Stockholm", country: "DK" },
      "jon.u@example.is": { zone: "Atlantic/Reykjavik", country: "IS" },
      [mikko]: { zone: "Europe/Helsinki", country: "FI" },
      [sanna]: { zone: "Europe/Helsinki", country: "FI" },
    };
    const local = (m: Sent) => DateTime.fromMillis(m.atMs, { zone: readers[m.to]!.zone }).toFormat("ccc d LLL HH:mm");
    const reminders = mailer.sent.filter((m) => REMINDERS.has(byId.get(m.messageId)!.kind));
    expect(reminders.length).toBe(14);
    for (const m of reminders) expect(isHumanHour(new Date(m.atMs), readers[m.to]!), `${m.to} at ${local(m)}`).toBe(true);

    const when = (email: string, kind: string) => local(mailer.sent.find((m) => m.to === email && byId.get(m.messageId)!.kind === kind)!);
    // The Stockholm expert works for a Danish organisation: Maundy Thursday, Good Friday and Easter
    // Monday are days off, so three working days after Monday 09:00 is Tuesday 30 March 09:00 (summer time).
    expect(when("astrid.testesen@example.org", "reminder.answer")).toBe("Tue 30 Mar 09:00");
    expect(when(mikko, "reminder.answer.group")).toBe("Tue 30 Mar 10:00");
    // Reykjavik: Maundy Thursday, Good Friday and Easter Monday are days off there, so the third working day is Thursday 1 April.
    expect(when("jon.u@example.is", "reminder.answer")).toBe("Thu 1 Apr 12:00");
    // The day before the session, after the change to summer time: 10:00 Helsinki is 09:00 Stockholm.
    expect(when(mikko, "reminder.session")).toBe("Wed 7 Apr 10:00");
    expect(when("astrid.testesen@example.org", "reminder.session")).toBe("Wed 7 Apr 09:00");
    // Three days after the evaluation request is a Sunday: the reminder waits for Monday morning.
    expect(when(sanna, "evaluation.reminder")).toBe("Mon 12 Apr 09:00");
    await t.close();
  });
});
