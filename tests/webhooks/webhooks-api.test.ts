import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterEach, describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/consultations/transitions.js";
import { nodeTransport } from "../../src/webhooks/node-transport.js";
import { WebhookSendError } from "../../src/webhooks/webhook-transport.js";
import { isPublicAddress } from "../../src/webhooks/webhook-url.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { startReceiver } from "./receiver.js";
import { TEST_SECRET_KEY } from "./webhook-setup.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const app = (env: Record<string, string> = {}, databasePath?: string) => testApp({ env: { SECRET_KEY: TEST_SECRET_KEY, ...env }, databasePath });
const register = (a: TestApp, url: string, events: unknown = ["*"], token = a.coordinator) => a.call("POST", "/api/webhooks", { token, body: { url, events } });

describe("registering webhook endpoints", () => {
  const refused = [
    ["http://hooks.example.org/x", "must use https"],
    ["http://127.0.0.1:8080/x", "must use https"],
    ["https://localhost/x", "internal"],
    ["https://api.localhost/x", "internal"],
    ["https://intranet/x", "internal"],
    ["https://printer.local/x", "internal"],
    ["https://hooks.corp/x", "internal"],
    ["https://10.1.2.3/x", "private"],
    ["https://172.20.0.1/x", "private"],
    ["https://192.168.1.10/x", "private"],
    ["https://127.0.0.1/x", "private"],
    ["https://2130706433/x", "private"], // 127.0.0.1 spelled as one number
    ["https://0x7f.1/x", "private"],
    ["https://169.254.169.254/latest/meta-data", "private"],
    ["https://0.0.0.0/x", "private"],
    ["https://100.64.0.1/x", "private"],
    ["https://[::1]/x", "private"],
    ["https://[::]/x", "private"],
    ["https://[fe80::1]/x", "private"],
    ["https://[fd12:3456::1]/x", "private"],
    ["https://[::ffff:127.0.0.1]/x", "private"],
    ["https://[::ffff:10.0.0.1]/x", "private"],
    ["https://user:pass@hooks.example.org/x", "user name or password"],
    ["ftp://hooks.example.org/x", "must use https"],
    ["not a url", "absolute URL"],
  ] as const;

  it.each(refused)("refuses %s with a 400 naming the url", async (url, reason) => {
    t = await app();
    const res = await register(t, url);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.issues).toEqual([{ path: "url", message: expect.stringContaining(reason) }]);
  });

  it("accepts public https endpoints, and http://127.0.0.1 only with WEBHOOK_ALLOW_LOOPBACK=true", async () => {
    t = await app();
    for (const url of ["https://hooks.example.org/samrad", "https://93.184.215.14:8443/x", "https://[2606:4700::1111]/x"]) {
      const res = await register(t, url, ["consultation.confirmed"]);
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ url, events: ["consultation.confirmed"], state: "active", pendingDeliveries: 0 });
    }
    await t.close();
    t = await app({ WEBHOOK_ALLOW_LOOPBACK: "true" });
    expect((await register(t, "http://127.0.0.1:9911/hook")).status).toBe(201);
    expect((await register(t, "http://localhost:9911/hook")).status).toBe(400);
    expect((await register(t, "http://10.0.0.1/hook")).status).toBe(400);
  });

  it("validates the event names against the event types", async () => {
    t = await app();
    for (const events of [[], ["consultation.teleported"], ["consultation.confirmed", "consultation.confirmed"], "consultation.confirmed"]) {
      const res = await register(t, "https://hooks.example.org/x", events);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.issues[0].path).toMatch(/^events/);
    }
    const extra = await t.call("POST", "/api/webhooks", { token: t.coordinator, body: { url: "https://hooks.example.org/x", events: ["*"], secret: "mine" } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues[0].path).toBe("secret");
  });

  it("lets only the coordinator manage webhooks", async () => {
    t = await app();
    const g = await seedGroup(t);
    const created = await register(t, "https://hooks.example.org/x");
    for (const [method, path] of [
      ["POST", "/api/webhooks"],
      ["GET", "/api/webhooks"],
      ["DELETE", `/api/webhooks/${created.body.id}`],
      ["POST", `/api/webhooks/${created.body.id}/rotate-secret`],
    ] as const) {
      const res = await t.call(method, path, { token: g.memberToken, body: method === "POST" && path === "/api/webhooks" ? { url: "https://hooks.example.org/y", events: ["*"] } : undefined });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
      expect((await t.call(method, path)).status).toBe(401);
    }
    const list = await t.call("GET", "/api/webhooks", { token: t.coordinator });
    expect(list.body.items).toHaveLength(1);
  });

  it("answers 409 without a server key instead of keeping the secret in plain text", async () => {
    t = await testApp();
    const res = await register(t, "https://hooks.example.org/x");
    expect(res.status, res.text).toBe(409);
    expect(res.body.error.message).toContain("SECRET_KEY");
  });

  it("keeps signing secrets only sealed: neither the database file nor the list holds them", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "samrad-wh-")), "samrad.sqlite");
    t = await app({}, databasePath);
    const created = await register(t, "https://hooks.example.org/x");
    const rotated = await t.call("POST", `/api/webhooks/${created.body.id}/rotate-secret`, { token: t.coordinator });
    const secrets = [created.body.secret as string, rotated.body.secret as string];
    const list = await t.call("GET", "/api/webhooks", { token: t.coordinator });
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(list.text).not.toContain(secret.slice(6));
    }
    expect(list.text).not.toContain("secret");
    t.handle.raw.pragma("wal_checkpoint(TRUNCATE)");
    const files = [databasePath, `${databasePath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1"));
    for (const secret of secrets) for (const file of files) expect(file).not.toContain(secret.slice(6, 30));
    const row = await t.deps.db.selectFrom("webhook_endpoints").select("secretSealed").executeTakeFirstOrThrow();
    expect(row.secretSealed).toMatch(/^v1\./);
  });

  it("records who registered, rotated and deleted an endpoint in the audit trail, and nothing for a refused change", async () => {
    t = await app();
    const created = await register(t, "https://hooks.example.org/x");
    expect((await t.call("POST", `/api/webhooks/${created.body.id}/rotate-secret`, { token: t.coordinator })).status).toBe(200);
    expect((await t.call("DELETE", `/api/webhooks/${created.body.id}`, { token: t.coordinator })).status).toBe(200);
    expect((await t.call("DELETE", `/api/webhooks/${created.body.id}`, { token: t.coordinator })).status).toBe(404);
    expect((await t.call("POST", `/api/webhooks/${created.body.id}/rotate-secret`, { token: t.coordinator })).status).toBe(404);
    const trail = await t.deps.db.selectFrom("audit_entries").select(["action", "actorType", "entityId", "detail"]).where("entityType", "=", "webhook_endpoint").orderBy("id").execute();
    expect(trail).toEqual(
      ["webhook.registered", "webhook.secret_rotated", "webhook.deleted"].map((action) => ({ action, actorType: "coordinator", entityId: created.body.id, detail: null })),
    );
  });

  it("documents the endpoints and every event type in the OpenAPI document's webhooks section", async () => {
    t = await app();
    const doc = (await t.call("GET", "/openapi.json")).body;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const confirmed = doc.webhooks["consultation.confirmed"].post;
    expect(confirmed.parameters.map((p: { name: string }) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(JSON.stringify(confirmed.requestBody)).toContain("WebhookEventData");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/webhooks", "/api/webhooks/{id}", "/api/webhooks/{id}/rotate-secret"]));
    expect(Object.keys(doc.paths["/api/webhooks"].post.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409"]));
    expect(await new Validator().validate(doc)).toMatchObject({ valid: true });
  });
});

describe("the Node transport resolves names and refuses private targets", () => {
  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "192.168.0.1", "169.254.1.1", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "::ffff:192.168.0.1", "64:ff9b::a00:1"]) expect(isPublicAddress(a), a).toBe(false);
    for (const a of ["93.184.215.14", "1.1.1.1", "2606:4700::1111", "::ffff:1.1.1.1"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("does not connect to a name that resolves to loopback, even with a receiver listening there", async () => {
    const receiver = await startReceiver();
    try {
      const port = new URL(receiver.url).port;
      const sent = nodeTransport.post({ url: `http://localhost:${port}/x`, headers: {}, body: "{}", timeoutMs: 2000 });
      await expect(sent).rejects.toEqual(new WebhookSendError("refused_target"));
      expect(receiver.received).toHaveLength(0);
      // The same receiver by its address (the WEBHOOK_ALLOW_LOOPBACK exception) is reached.
      expect(await nodeTransport.post({ url: receiver.url, headers: {}, body: "{}", timeoutMs: 2000 })).toEqual({ status: 200 });
    } finally {
      await receiver.close();
    }
  });
});
