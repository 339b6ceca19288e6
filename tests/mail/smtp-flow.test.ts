/**
 * Mail through a real SMTP server on 127.0.0.1: every message parsed with mailparser, every
 * invitation with ical.js, from the request to the cancellation.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../src/mail/smtp-mailer.js";
import { startSmtpCatcher, type SmtpCatcher } from "../fakes/smtp/catcher.js";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { capturingLogger, htmlLang, invitationOf, recipient, TEST_SECRET_KEY, until } from "./mail-support.js";

const EXPERT = "astrid.testesen@example.org";
const MIKKO = "mikko.keksitty@example.fi";
const SANNA = "sanna.k@example.fi";

describe("mail through SMTP", () => {
  let catcher: SmtpCatcher;
  let t: TestApp;
  let log: ReturnType<typeof capturingLogger>;
  let mailer: ReturnType<typeof createSmtpMailer>;

  beforeEach(async () => {
    catcher = await startSmtpCatcher();
    log = capturingLogger();
    mailer = createSmtpMailer({ url: catcher.url, from: "Samråd <samrad@example.test>" });
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: "debug" }, mailer, log });
  });
  afterEach(async () => {
    mailer.close();
    await t.close();
    await catcher.close();
  });

  it("tells each person in their language, with invitations that update and then remove the meeting", async () => {
    const s = await seedRequested(t);
    // Sanna reads Swedish; Mikko keeps the default, Finnish.
    const sanna = (await t.call("GET", `/api/groups`, { token: t.coordinator })).status;
    expect(sanna).toBe(200);
    const members = t.handle.raw.prepare("select id, email from group_members").all() as { id: string; email: string }[];
    const sannaId = members.find((m) => m.email === SANNA)!.id;
    const changed = await t.call("PATCH", `/api/groups/${s.groupId}/members/${sannaId}`, { token: t.coordinator, body: { language: "sv" } });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe("sv");

    // The request: to the expert only, in Swedish, times in Stockholm with Helsinki beside them.
    expect(s.requested.body.expertMessage.sent).toBe(true);
    await until(() => catcher.mails.length === 1, "the request");
    const request = catcher.mails[0]!;
    expect(recipient(request)).toBe(EXPERT);
    expect(request.parsed.subject).toBe("Förfrågan om en nordisk konsultation: Early support for families");
    expect(htmlLang(request)).toBe("sv");
    expect(request.parsed.text).toContain("Hej Astrid,");
    // 10:00 in Helsinki is 09:00 in Stockholm on Monday 8 March 2027.
    expect(request.parsed.text).toContain("måndag 8 mars 2027, 09:00–09:45");
    expect(request.parsed.text).toContain("10:00 i Helsingfors");
    expect(request.parsed.text).toContain(`http://samrad.test/e/${s.secret}`);
    expect(String(request.parsed.html)).toMatch(/<h2>Våra frågor<\/h2>/);
    expect(String(request.parsed.html)).toContain(`<a href="http://samrad.test/e/${s.secret}">`);
    const firstMessageId = request.parsed.messageId;
    expect(firstMessageId).toMatch(/^<[0-9a-f]{32}@samrad\.test>$/);

    // Confirmed: everyone gets the invitation in their language and zone.
    const confirmed = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    expect(confirmed.status).toBe(200);
    await until(() => catcher.mails.length === 4, "three invitations");
    const invitations = catcher.mails.slice(1);
    expect(invitations.map(recipient).sort()).toEqual([EXPERT, MIKKO, SANNA].sort());
    const byTo = (to: string) => invitations.find((m) => recipient(m) === to)!;
    expect(byTo(MIKKO).parsed.subject).toBe("Vahvistettu: Early support for families");
    expect(byTo(MIKKO).parsed.text).toContain("maanantaina 8. maaliskuuta 2027, 10.00–10.45 (Helsinki)");
    expect(htmlLang(byTo(MIKKO))).toBe("fi");
    expect(byTo(SANNA).parsed.subject).toBe("Bekräftad: Early support for families");
    expect(byTo(SANNA).parsed.text).toContain("måndag 8 mars 2027, 10:00–10:45 (Helsingfors)");
    expect(byTo(EXPERT).parsed.text).toContain("måndag 8 mars 2027, 09:00–09:45 (Stockholm)");
    const first = invitations.map(invitationOf);
    for (const inv of first) {
      expect(inv?.method).toBe("REQUEST");
      expect(inv?.sequence).toBe(0);
      expect(inv?.alarm).toBe("-PT15M");
    }
    expect(new Set(first.map((i) => i!.uid)).size).toBe(1);
    const uid = first[0]!.uid;
    // The same UID as the invitation file, so a calendar adds it once.
    const file = await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken });
    expect(file.text).toContain(`UID:${uid}`);
    // The expert's invitation leads to the expert's page; the organiser is not an attendee again.
    const expertInvite = invitationOf(byTo(EXPERT))!;
    expect(expertInvite.url).toBe(`http://samrad.test/e/${s.secret}`);
    expect(expertInvite.description).toContain("Utmaningen");
    expect(expertInvite.attendees).not.toContain(expertInvite.organizer);
    expect(invitationOf(byTo(MIKKO))!.description).toContain("Kysymyksemme");

    // Rescheduled: a new request to the expert; once confirmed, the same UID with a higher SEQUENCE.
    const moved = await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-10T10:00:00+02:00" }, { start: "2027-03-10T13:00:00+02:00" }] },
    });
    expect(moved.status).toBe(200);
    await until(() => catcher.mails.length === 5, "the new request");
    expect(catcher.mails[4]!.parsed.subject).toBe("Nya föreslagna tider: Early support for families");
    expect(catcher.mails[4]!.parsed.text).toContain("onsdag 10 mars 2027, 09:00–09:45");
    const again = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: moved.body.slots[0].id } });
    expect(again.status).toBe(200);
    await until(() => catcher.mails.length === 8, "the updated invitations");
    const updated = catcher.mails.slice(5);
    expect(updated.map(recipient).sort()).toEqual([EXPERT, MIKKO, SANNA].sort());
    for (const m of updated) {
      const inv = invitationOf(m)!;
      expect(inv.method).toBe("REQUEST");
      expect(inv.uid).toBe(uid);
      expect(inv.sequence).toBe(1);
    }
    expect(updated.find((m) => recipient(m) === MIKKO)!.parsed.subject).toBe("Uusi aika: Early support for families");

    // Cancelled: METHOD:CANCEL with the same UID, so calendars remove it.
    const cancelled = await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: { reason: "Illness in the team" } });
    expect(cancelled.status).toBe(200);
    await until(() => catcher.mails.length === 11, "the cancellations");
    for (const m of catcher.mails.slice(8)) {
      const inv = invitationOf(m)!;
      expect(inv.method).toBe("CANCEL");
      expect(inv.uid).toBe(uid);
      expect(inv.sequence).toBeGreaterThan(1);
    }

    // Each message once: distinct Message-IDs, one per (kind, recipient, round).
    expect(new Set(catcher.mails.map((m) => m.parsed.messageId)).size).toBe(11);

    // The coordinator sees what was sent, never the text.
    const sent = await t.call("GET", `/api/consultations/${s.consultationId}/messages`, { token: t.coordinator });
    expect(sent.status).toBe(200);
    const delivered = sent.body.items.filter((m: { status: string }) => m.status === "sent");
    expect(delivered).toHaveLength(11);
    expect(Object.keys(sent.body.items[0]).sort()).toEqual(["attempts", "dueAt", "id", "kind", "nextAttemptAt", "reason", "recipientRole", "round", "sentAt", "status"]);
    // Sent ones have nothing to report; the reminders recorded on the way were dropped once the consultation moved on.
    for (const m of delivered) expect(m).toMatchObject({ nextAttemptAt: null, reason: null });
    expect((await t.call("GET", `/api/consultations/${s.consultationId}/messages`, { token: s.memberToken })).status).toBe(403);

    // No secret and no message text in the database or the logs after delivery.
    const tables = (t.handle.raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const dump = tables.map((name) => JSON.stringify(t.handle.raw.prepare(`select * from "${name}"`).all())).join("\n");
    const logs = log.lines.join("\n");
    expect(log.lines.some((l) => l.includes('"mail sent"'))).toBe(true);
    for (const needle of [s.secret, "Hej Astrid", "Förfrågan om en nordisk", "Vahvistettu:", "BEGIN:VCALENDAR", EXPERT, MIKKO]) {
      expect(logs, needle).not.toContain(needle);
    }
    for (const needle of [s.secret, "Hej Astrid", "Förfrågan om en nordisk", "Vahvistettu:", "BEGIN:VCALENDAR"]) {
      expect(dump, needle).not.toContain(needle);
    }
  });
});
