/**
 * Two real Samråd processes on one database, both sending mail: each answers requests (and sends
 * right after its own transitions) and each runs the background tick every 100 ms (the shortest setting), so they race
 * for the same messages all the time. The claim with its lease lets only one send each message.
 */
import { describe, expect, it } from "vitest";
import { startSmtpCatcher } from "../fakes/smtp/catcher.js";
import { api, daysAhead, expectStatus, freePort, seed, slotStarts, startServer, tempDatabasePath, type ServerProcess } from "../graph-e2e/server-process.js";
import { until } from "./mail-support.js";

describe("mail from two processes", () => {
  it("sends every message once, whichever process gets to it", { timeout: 120_000 }, async () => {
    const catcher = await startSmtpCatcher();
    const databasePath = tempDatabasePath("samrad-mail-two-");
    const env = { SMTP_URL: catcher.url, MAIL_FROM: "Samråd <samrad@example.test>" };
    const servers: ServerProcess[] = [];
    try {
      // One after the other: the first makes the database (and its key file), the second opens it.
      servers.push(await startServer({ port: await freePort(), databasePath, env, outboxIntervalMs: 100 }));
      servers.push(await startServer({ port: await freePort(), databasePath, env, outboxIntervalMs: 100 }));
      const [a, b] = servers as [ServerProcess, ServerProcess];
      expect(b.printedToken).toBeNull();
      const coordinator = a.printedToken!;
      const s = await seed(a.base, coordinator, 2);
      const member = s.members[0]!.token;
      const on = (server: ServerProcess, method: string, path: string, body?: unknown, token: string | null = member) => api(server.base, method, path, { body, token });

      const ids: { id: string; secret: string; slot: string }[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async (_, k) => {
          const first = new Date(daysAhead(10 + k).getTime() + 8 * 3_600_000);
          const created = expectStatus(await on(a, "POST", "/api/consultations", { topicId: s.topic.id, briefId: s.brief.id, expertId: s.expert.id, durationMinutes: 30, slots: slotStarts(first, 2) }), 201, "create");
          // Requested through either process.
          const requested = expectStatus(await on(k % 2 ? a : b, "POST", `/api/consultations/${created.id}/request`), 200, "request");
          ids.push({ id: created.id, secret: String(requested.expertLink).split("/e/")[1]!, slot: created.slots[0].id });
        }),
      );
      // The request's message goes right after the answer; one still unsent when the expert has
      // already confirmed is rightly dropped as no longer wanted. The experts here answer after it.
      await until(() => catcher.mails.length >= 6, "the requests", 30_000);
      await Promise.all(ids.map((c, k) => on(k % 2 ? b : a, "POST", `/api/expert/${c.secret}/confirm`, { slotId: c.slot }, null).then((r) => expectStatus(r, 200, "confirm"))));
      await until(() => catcher.mails.length >= 6 + 18, "the requests and invitations", 30_000);
      await Promise.all(ids.slice(0, 2).map((c, k) => on(k % 2 ? a : b, "POST", `/api/consultations/${c.id}/cancel`, { reason: "Clash with a training day" }).then((r) => expectStatus(r, 200, "cancel"))));

      // 6 requests, 6 × 3 invitations, 2 × 3 cancellations.
      const expected = 6 + 18 + 6;
      await until(() => catcher.mails.length >= expected, `${expected} messages`, 30_000);
      // Time for a second copy to arrive, if either process were to send one.
      await new Promise((r) => setTimeout(r, 1500));
      expect(catcher.mails).toHaveLength(expected);
      expect(new Set(catcher.mails.map((m) => m.parsed.messageId)).size).toBe(expected);
      const perRecipient: Record<string, number> = {};
      for (const m of catcher.mails) perRecipient[m.envelopeTo[0]!] = (perRecipient[m.envelopeTo[0]!] ?? 0) + 1;
      expect(perRecipient).toEqual({ [s.expert.email]: 14, [s.members[0]!.email]: 8, [s.members[1]!.email]: 8 });
    } finally {
      for (const server of servers) await server.kill();
      await catcher.close();
    }
  });
});
