/**
 * Webhooks on workerd with D1: the API, and deliveries sent by the cron trigger's scheduled()
 * handler through the Worker's fetch. A Node receiver on 127.0.0.1 cannot be started from inside
 * workerd, so the receiver is globalThis.fetch, which the Worker shares with the tests (same
 * isolate); it verifies every delivery with standardwebhooks as a real receiver would.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/entry.worker.js";
import { seedRequested } from "../contract/seed.js";
import { coordinatorToken, d1, workerTarget } from "./seed.js";

/** The Worker's env with a server key (invented for this test), as `wrangler secret put SECRET_KEY` gives it. */
const webhookEnv = { ...env, SECRET_KEY: "d29ya2Vycy10ZXN0LWtleS1mb3Itd2ViaG9va3MtMDA" };

const target = workerTarget("workers-d1-webhooks", webhookEnv);

async function cronTick() {
  const ctx = createExecutionContext();
  worker.scheduled(createScheduledController({ cron: "* * * * *" }), webhookEnv, ctx);
  await waitOnExecutionContext(ctx);
}

describe("webhooks on Workers with D1", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("registers, lists without secrets, delivers signed events in order from the cron trigger, and deletes", async () => {
    const coordinator = await coordinatorToken();
    const url = "https://hooks.example.org/samrad";
    const created = await target.call("POST", "/api/webhooks", { token: coordinator, body: { url, events: ["consultation.created", "consultation.requested"] } });
    expect(created.status, created.text).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    expect((await target.call("POST", "/api/webhooks", { token: coordinator, body: { url: "https://10.0.0.1/x", events: ["*"] } })).status).toBe(400);

    const s = await seedRequested(target);
    expect((await target.call("GET", "/api/webhooks", { token: s.memberToken })).status).toBe(403);
    const list = await target.call("GET", "/api/webhooks", { token: coordinator });
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, state: "active", pendingDeliveries: 2 })]);
    expect(list.text).not.toContain(secret.slice(6));

    const received: { id: string; type: string; verified: boolean }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const req = new Request(input, init);
      if (req.url !== url) return new Response("unexpected", { status: 599 });
      const body = await req.text();
      const headers = Object.fromEntries(req.headers);
      let verified = true;
      try {
        new Webhook(secret).verify(body, headers);
      } catch {
        verified = false;
      }
      received.push({ id: headers["webhook-id"]!, type: (JSON.parse(body) as { type: string }).type, verified });
      return new Response(null, { status: 204 });
    });
    await cronTick();
    expect(received).toEqual([
      { id: expect.stringMatching(/^msg_/), type: "consultation.created", verified: true },
      { id: expect.stringMatching(/^msg_/), type: "consultation.requested", verified: true },
    ]);
    await cronTick();
    expect(received).toHaveLength(2);

    const stored = await d1().db.selectFrom("webhook_deliveries").select(["id", "status"]).orderBy("eventId").execute();
    expect(stored).toEqual(received.map((r) => ({ id: r.id, status: "done" })));
    const sealed = await d1().db.selectFrom("webhook_endpoints").select("secretSealed").executeTakeFirstOrThrow();
    expect(sealed.secretSealed).not.toContain(secret.slice(6));

    const deleted = await target.call("DELETE", `/api/webhooks/${created.body.id}`, { token: coordinator });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await target.call("GET", "/api/webhooks", { token: coordinator })).body.items).toEqual([]);
  });
});
