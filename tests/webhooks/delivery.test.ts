import { afterEach, describe, expect, it } from "vitest";
import { advanceLifecycle } from "../../src/consultations/lifecycle-sweep.js";
import { AFTER_SESSION, confirmedConsultation, evaluate, evaluationBody } from "../evaluations/fixtures.js";
import { seedGroup, testApp, twoSlots, type TestApp } from "../helpers/test-app.js";
import { nodeTransport } from "../../src/webhooks/node-transport.js";
import { distinctDeliveries, startReceiver } from "./receiver.js";
import { listed, TEST_SECRET_KEY, webhookWorld, type WebhookWorld } from "./webhook-setup.js";

let w: WebhookWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function draft(t: TestApp, g: Awaited<ReturnType<typeof seedGroup>>) {
  const res = await t.call("POST", "/api/consultations", {
    token: g.memberToken,
    body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: twoSlots },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

const deliveryRow = (t: TestApp, webhookId: string) =>
  t.deps.db.selectFrom("webhook_deliveries").selectAll().where("id", "=", webhookId).executeTakeFirstOrThrow();

describe("webhook delivery to a real receiver", () => {
  it("delivers every event of a full consultation once, in order, signed, with ids and codes only", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    await w.register();
    const g = await seedGroup(t);
    const c = await confirmedConsultation(t, g);
    w.setNow(AFTER_SESSION);
    await advanceLifecycle(t.deps);
    expect((await evaluate(t, c.consultationId, g.memberToken)).status).toBe(201);
    const expertSide = await t.call("POST", `/api/expert/${c.secret}/evaluation`, { body: evaluationBody({ usefulness: 5 }) });
    expect(expertSide.status, expertSide.text).toBe(201);

    // Four runners race, as the background tick's workers do; order per consultation must hold.
    await Promise.all([w.run(), w.run()]);

    const types = receiver.received.map((r) => r.event.type);
    expect(types).toEqual([
      "consultation.created",
      "consultation.requested",
      "consultation.confirmed",
      "consultation.held",
      "evaluation.submitted",
      "evaluation.submitted",
      "consultation.evaluated",
    ]);
    expect(receiver.received.every((r) => r.verifiedBy === 0)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(types.length);
    const eventIds = receiver.received.map((r) => r.event.data.eventId);
    expect([...eventIds].sort((a, b) => a - b)).toEqual(eventIds);
    const confirmed = receiver.received[2]!.event;
    expect(confirmed.data).toMatchObject({ consultationId: c.consultationId, previousStatus: "requested", status: "confirmed", actorType: "expert", v: 1 });
    expect(confirmed.data.detail).toEqual({ slotId: c.slot.id });
    // No e-mail address, name or evaluation text leaves the service.
    const all = receiver.received.map((r) => r.body).join("\n");
    for (const text of ["@", "Väntelistan", "Astrid", "Mikko", "Referrals"]) expect(all).not.toContain(text);

    // Nothing is sent twice: a later round finds nothing due.
    await w.run();
    expect(receiver.received).toHaveLength(types.length);
    expect(await listed(t, (await t.call("GET", "/api/webhooks", { token: t.coordinator })).body.items[0].id)).toMatchObject({
      state: "active",
      pendingDeliveries: 0,
      failedDeliveries: 0,
      lastSuccessAt: AFTER_SESSION,
    });
  });

  it("retries a receiver that answers 500 with growing delays, under the same webhook-id", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    const endpoint = await w.register(["consultation.created"]);
    let answers = [500, 503, 200];
    receiver.answer = () => answers.shift() ?? 200;
    await draft(t, await seedGroup(t));

    expect(await w.run()).toMatchObject({ retry: 1 });
    expect(await listed(t, endpoint.id)).toMatchObject({ state: "active", pendingDeliveries: 1, lastFailureAt: t.clock.now().toISOString() });
    await w.run();
    expect(receiver.received).toHaveLength(1); // not due yet: the backoff holds it back

    w.advanceMinutes(1);
    await w.run();
    expect(receiver.received).toHaveLength(2);
    w.advanceMinutes(1);
    await w.run();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(1);
    expect(receiver.received.every((r) => r.verifiedBy === 0)).toBe(true);
    const row = await deliveryRow(t, receiver.received[0]!.webhookId);
    expect(row).toMatchObject({ status: "done", attempts: 3, lastStatus: 200 });
    expect(await listed(t, endpoint.id)).toMatchObject({ state: "active", pendingDeliveries: 0 });
    answers = [];
  });

  it("times out a receiver that hangs and delivers the same message once it answers", async () => {
    w = await webhookWorld({ env: { WEBHOOK_TIMEOUT_MS: "500" } });
    const { t, receiver } = w;
    await w.register(["consultation.created"]);
    receiver.answer = () => "hang";
    await draft(t, await seedGroup(t));

    const started = performance.now();
    expect(await w.run()).toMatchObject({ retry: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
    const first = receiver.received[0]!;
    expect(await deliveryRow(t, first.webhookId)).toMatchObject({ status: "pending", lastError: "timeout", attempts: 1 });

    receiver.answer = () => 204;
    w.advanceMinutes(1);
    await w.run();
    expect(receiver.received.map((r) => r.webhookId)).toEqual([first.webhookId, first.webhookId]);
    expect(await deliveryRow(t, first.webhookId)).toMatchObject({ status: "done", lastStatus: 204 });
  });

  it("keeps retrying for 24 hours, then marks the delivery failed and the endpoint failing; a later success makes it active", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    const endpoint = await w.register(["consultation.created"]);
    receiver.answer = () => 500;
    const g = await seedGroup(t);
    await draft(t, g);
    const start = t.clock.now().getTime();
    for (let hour = 0; hour < 26; hour++) {
      await w.run();
      w.advanceMinutes(60);
    }
    const attempts = receiver.received.map((r) => r.timestamp * 1000);
    expect(attempts.length).toBeGreaterThan(10);
    expect(attempts.at(-1)! - start).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(await deliveryRow(t, receiver.received[0]!.webhookId)).toMatchObject({ status: "failed", lastError: "http_500" });
    expect(await listed(t, endpoint.id)).toMatchObject({ state: "failing", failedDeliveries: 1, pendingDeliveries: 0 });
    await w.run();
    expect(receiver.received).toHaveLength(attempts.length); // given up: no more attempts

    receiver.answer = () => 200;
    await draft(t, g);
    await w.run();
    expect(receiver.received.at(-1)!.answered).toBe(200);
    expect(await listed(t, endpoint.id)).toMatchObject({ state: "active", failedDeliveries: 1 });
  });

  it("holds a consultation's later events back while an earlier one is being retried", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    await w.register();
    receiver.answer = (r) => (r.event.type === "consultation.created" && receiver.received.length === 0 ? 500 : 200);
    const g = await seedGroup(t);
    const id = await draft(t, g);
    expect((await t.call("POST", `/api/consultations/${id}/request`, { token: g.memberToken })).status).toBe(200);

    await w.run();
    expect(receiver.received.map((r) => r.event.type)).toEqual(["consultation.created"]);
    w.advanceMinutes(1);
    await w.run();
    expect(receiver.received.map((r) => r.event.type)).toEqual(["consultation.created", "consultation.created", "consultation.requested"]);
    expect(distinctDeliveries(receiver.received)).toHaveLength(2);
  });

  it("signs with the new secret only after rotate-secret", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    const endpoint = await w.register(["consultation.created"]);
    const g = await seedGroup(t);
    await draft(t, g);
    await w.run();
    expect(receiver.received[0]!.verifiedBy).toBe(0);

    const rotated = await t.call("POST", `/api/webhooks/${endpoint.id}/rotate-secret`, { token: t.coordinator });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    receiver.secrets.push(rotated.body.secret);
    await draft(t, g);
    await w.run();
    // Index 1 is the new secret: the old one (index 0) no longer verifies.
    expect(receiver.received[1]!.verifiedBy).toBe(1);
    expect((await t.call("POST", "/api/webhooks/nope/rotate-secret", { token: t.coordinator })).status).toBe(404);
  });

  it("stops an endpoint's pending deliveries when it is deleted", async () => {
    w = await webhookWorld();
    const { t, receiver } = w;
    const endpoint = await w.register(["consultation.created"]);
    receiver.answer = () => 500;
    await draft(t, await seedGroup(t));
    await w.run();
    const del = await t.call("DELETE", `/api/webhooks/${endpoint.id}`, { token: t.coordinator });
    expect(del.status, del.text).toBe(200);
    expect(del.body).toEqual({ id: endpoint.id, state: "deleted" });
    expect(await listed(t, endpoint.id)).toBeUndefined();
    w.advanceMinutes(120);
    await w.run();
    expect(receiver.received).toHaveLength(1);
    expect((await t.call("DELETE", `/api/webhooks/${endpoint.id}`, { token: t.coordinator })).status).toBe(404);
  });
});

describe("webhooks right after a transition (Node)", () => {
  it("go out without the request waiting for the receiver", async () => {
    const receiver = await startReceiver();
    // The real clock: the receiver verifies the timestamp against it.
    const t = await testApp({
      now: new Date().toISOString(),
      env: { SECRET_KEY: TEST_SECRET_KEY, WEBHOOK_ALLOW_LOOPBACK: "true", WEBHOOK_TIMEOUT_MS: "2000" },
      webhookTransport: nodeTransport,
      promptWebhooks: true,
    });
    try {
      const registered = await t.call("POST", "/api/webhooks", { token: t.coordinator, body: { url: receiver.url, events: ["consultation.requested"] } });
      expect(registered.status, registered.text).toBe(201);
      receiver.secrets.push(registered.body.secret);
      receiver.answer = () => "hang";
      const g = await seedGroup(t);
      const id = await draft(t, g);
      const started = performance.now();
      const requested = await t.call("POST", `/api/consultations/${id}/request`, { token: g.memberToken });
      expect(requested.status, requested.text).toBe(200);
      // The receiver hangs for the whole 2 s timeout; the answer came long before.
      expect(performance.now() - started).toBeLessThan(1_500);
      await receiver.waitFor(1, 5_000);
      expect(receiver.received[0]!.event.type).toBe("consultation.requested");
      expect(receiver.received[0]!.verifiedBy).toBe(0);
      await new Promise((r) => setTimeout(r, 2_300)); // let the prompt run record its timeout before the database closes
    } finally {
      await receiver.close();
      await t.close();
    }
  });
});
