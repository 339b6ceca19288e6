/**
 * Chaos: the SMTP server refuses or drops about 30 % of deliveries (451, 554, a dropped
 * connection) while the real Samråd process is killed with SIGKILL and restarted three times
 * (mid-delivery each time). Most of the run is the three restarts of the server process, and
 * the lease a killed sender's claimed message waits out.
 * Every message arrives, none twice.
 */
import { describe, expect, it } from "vitest";
import { startSmtpCatcher } from "../fakes/smtp/catcher.js";
import { api, daysAhead, expectStatus, freePort, seed, slotStarts, startServer, tempDatabasePath, type ServerProcess } from "../graph-e2e/server-process.js";
import { MAIL_LEASE_MS } from "../../src/mail/mail.repo.js";
import { until } from "./mail-support.js";

describe("mail under chaos", () => {
  it("delivers every message exactly once through refusals, drops and SIGKILLs", { timeout: 300_000 }, async () => {
    let seeded = 0;
    // Seeded so a failing run can be read again; about 30 % of deliveries fail.
    const random = () => {
      seeded = (seeded * 1103515245 + 12345) % 2 ** 31;
      return seeded / 2 ** 31;
    };
    const catcher = await startSmtpCatcher({ faultRate: 0.3, random });
    const port = await freePort();
    const databasePath = tempDatabasePath("samrad-mail-chaos-");
    const env = { SMTP_URL: catcher.url, MAIL_FROM: "Samråd <samrad@example.test>" };
    const start = () => startServer({ port, databasePath, env, outboxIntervalMs: 150 });
    let server: ServerProcess = await start();
    const kills: number[] = [];
    const restart = async () => {
      await server.kill();
      kills.push(Date.now());
      server = await start();
    };
    try {
      expect(server.output()).toContain("mail: smtp");
      const coordinator = server.printedToken!;
      const s = await seed(server.base, coordinator, 2);
      const member = s.members[0]!.token;
      const call = (method: string, path: string, body?: unknown, token: string | null = member) => api(server.base, method, path, { body, token });

      const distinct = () => new Set(catcher.mails.map((m) => m.parsed.messageId)).size;
      // Each phase waits for its own messages before the next one starts: a message still being
      // retried when the consultation moves on is rightly dropped (no invitation after a
      // cancellation), and a SIGKILLed sender's claim holds its message for the lease (MAIL_LEASE_MS).
      const phase = (count: number, what: string) => until(() => distinct() >= count, `${count} messages (${what})`, 2 * MAIL_LEASE_MS);

      const ids: { id: string; secret: string; slot: string }[] = [];
      for (let k = 0; k < 4; k++) {
        const created = expectStatus(
          await call("POST", "/api/consultations", { topicId: s.topic.id, briefId: s.brief.id, expertId: s.expert.id, durationMinutes: 30, slots: slotStarts(new Date(daysAhead(10 + k).getTime() + 8 * 3_600_000), 2) }),
          201,
          "create",
        );
        const requested = expectStatus(await call("POST", `/api/consultations/${created.id}/request`), 200, "request");
        ids.push({ id: created.id, secret: String(requested.expertLink).split("/e/")[1]!, slot: created.slots[0].id });
      }
      await restart();
      await phase(4, "the requests");
      for (const c of ids) expectStatus(await call("POST", `/api/expert/${c.secret}/confirm`, { slotId: c.slot }, null), 200, "confirm");
      await restart();
      // 4 × 3 invitations.
      await phase(16, "the invitations");
      for (const c of ids.slice(0, 2)) expectStatus(await call("POST", `/api/consultations/${c.id}/cancel`, { reason: "Clash with a training day" }), 200, "cancel");
      await new Promise((r) => setTimeout(r, 400));
      await restart();

      // 4 requests, 4 × 3 invitations, 2 × 3 cancellations.
      const expected = 4 + 12 + 6;
      await phase(expected, "the cancellations");
      await new Promise((r) => setTimeout(r, 1000));

      expect(kills.length).toBeGreaterThanOrEqual(3);
      expect(catcher.faults.tempfail + catcher.faults.permfail + catcher.faults.dropped).toBeGreaterThan(0);
      const ids_ = catcher.mails.map((m) => m.parsed.messageId);
      expect(new Set(ids_).size).toBe(expected);
      // None twice: not even a resend under the same Message-ID.
      expect(ids_.length).toBe(expected);
      const cancels = catcher.mails.filter((m) => m.parsed.attachments.some((a) => a.content.toString("utf8").includes("METHOD:CANCEL")));
      expect(cancels).toHaveLength(6);
      const perRecipient = new Map<string, number>();
      for (const m of catcher.mails) perRecipient.set(m.envelopeTo[0]!, (perRecipient.get(m.envelopeTo[0]!) ?? 0) + 1);
      // The expert: 4 requests, 4 invitations, 2 cancellations; each member: 4 invitations and 2 cancellations.
      expect(Object.fromEntries(perRecipient)).toEqual({ [s.expert.email]: 10, [s.members[0]!.email]: 6, [s.members[1]!.email]: 6 });

      // What the coordinator sees agrees: every message that was due is sent, none failed or
      // dropped, and the refusals show as extra attempts; the later reminders wait for their day.
      const seen: { kind: string; dueAt: string; status: string; attempts: number }[] = [];
      for (const c of ids) seen.push(...expectStatus(await call("GET", `/api/consultations/${c.id}/messages`, undefined, coordinator), 200, "messages").items);
      const due = seen.filter((m) => m.dueAt <= new Date().toISOString());
      expect(due.map((m) => m.status)).toEqual(Array(expected).fill("sent"));
      expect(seen.filter((m) => m.status !== "sent").every((m) => m.status === "pending" && m.kind.startsWith("reminder."))).toBe(true);
      expect(due.some((m) => m.attempts > 1)).toBe(true);
    } finally {
      await server.kill();
      await catcher.close();
    }
  });
});
