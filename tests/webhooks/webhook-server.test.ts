/**
 * The real server process (node src/entry.node.ts, no test-only code path) delivering webhooks
 * to a real receiver, killed with SIGKILL while a delivery is in flight and started again on the
 * same database.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { api, daysAhead, expectStatus, firstCoordinatorToken, freePort, root, seed, slotStarts, tempDatabasePath } from "../graph-e2e/server-process.js";
import { distinctDeliveries, startReceiver } from "./receiver.js";

async function startPlainServer(port: number, databasePath: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/entry.node.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      OUTBOX_INTERVAL_MS: "200",
      // Debug: the test checks that even the most talkative log never holds a secret.
      LOG_LEVEL: "debug",
      WEBHOOK_ALLOW_LOOPBACK: "true",
      WEBHOOK_TIMEOUT_MS: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 45_000;
  while (!out.includes("listening on http")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    token: firstCoordinatorToken(out),
    output: () => out,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

describe("webhooks from the real server process", () => {
  it("after kill -9 mid-delivery and a restart, nothing is lost and nothing arrives twice", async () => {
    const receiver = await startReceiver();
    const port = await freePort();
    const databasePath = tempDatabasePath("samrad-wh-kill-");
    let server = await startPlainServer(port, databasePath);
    try {
      const coordinator = server.token!;
      const endpoint = expectStatus(await api(server.base, "POST", "/api/webhooks", { token: coordinator, body: { url: receiver.url, events: ["*"] } }), 201, "register");
      receiver.secrets.push(endpoint.secret);
      // The confirmation's delivery hangs the first time: the server is killed while it waits.
      receiver.answer = (r) => (r.event.type === "consultation.confirmed" && !receiver.received.some((x) => x.event.type === "consultation.confirmed") ? "hang" : 200);

      const s = await seed(server.base, coordinator, 1);
      const mt = s.members[0]!.token;
      const created = expectStatus(
        await api(server.base, "POST", "/api/consultations", {
          token: mt,
          body: { topicId: s.topic.id, briefId: s.brief.id, expertId: s.expert.id, durationMinutes: 30, slots: slotStarts(new Date(daysAhead(7).getTime() + 8 * 3_600_000), 2) },
        }),
        201,
        "create",
      );
      const requested = expectStatus(await api(server.base, "POST", `/api/consultations/${created.id}/request`, { token: mt }), 200, "request");
      const secret = String(requested.expertLink).split("/e/")[1]!;
      expectStatus(await api(server.base, "POST", `/api/expert/${secret}/confirm`, { body: { slotId: created.slots[0].id } }), 200, "confirm");
      await receiver.waitFor(3);
      expect(receiver.received.at(-1)!.answered).toBe("hang");

      // The group cancels while the confirmation's delivery hangs: the answer does not wait for the receiver.
      const started = Date.now();
      expectStatus(await api(server.base, "POST", `/api/consultations/${created.id}/cancel`, { token: mt, body: { reason: "Aikataulu muuttui" } }), 200, "cancel");
      expect(Date.now() - started).toBeLessThan(900);
      await server.kill();
      const firstLog = server.output();

      server = await startPlainServer(port, databasePath);
      await receiver.waitFor(5);
      await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive in this time

      const distinct = distinctDeliveries(receiver.received);
      expect(distinct.map((r) => r.event.type)).toEqual(["consultation.created", "consultation.requested", "consultation.confirmed", "consultation.cancelled"]);
      // One webhook-id per event, and one event per webhook-id: the repeat was the same delivery.
      expect(new Set(receiver.received.map((r) => r.event.data.eventId)).size).toBe(distinct.length);
      const confirmed = receiver.received.filter((r) => r.event.type === "consultation.confirmed");
      expect(confirmed.map((r) => r.answered)).toEqual(["hang", 200]);
      expect(confirmed[0]!.webhookId).toBe(confirmed[1]!.webhookId);
      expect(receiver.received.every((r) => r.verifiedBy === 0)).toBe(true);

      const list = expectStatus(await api(server.base, "GET", "/api/webhooks", { token: coordinator }), 200, "list");
      expect(list.items[0]).toMatchObject({ state: "active", pendingDeliveries: 0, failedDeliveries: 0 });
      // The signing secret is nowhere at rest or in the logs; the server key file is the owner's only.
      const key = endpoint.secret.slice(6, 30);
      expect(firstLog + server.output()).not.toContain(key);
      for (const file of [databasePath, `${databasePath}-wal`].filter(existsSync)) expect(readFileSync(file).toString("latin1")).not.toContain(key);
      expect(statSync(`${databasePath}.key`).mode & 0o777).toBe(0o600);
    } finally {
      await server.kill();
      await receiver.close();
    }
  }, 90_000);
});
