import { describe, expect, it } from "vitest";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "../pages/page-client.js";

const env = { CLIENT_ADDRESS_HEADER: "x-forwarded-for" };
const from = (t: TestApp, address: string) => new PageClient(t, { headers: { "x-forwarded-for": address } });

async function signedIn(t: TestApp, token: string, address = "198.51.100.7") {
  const client = from(t, address);
  const res = await client.post("/app/login", { token });
  expect(res.status, res.html).toBe(303);
  expect(res.location).toBe("/app");
  return client;
}

describe("page sessions", () => {
  it("keep only a random session id in the cookie, never the API token, stored only as a hash", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    const cookie = client.cookies.get("samrad_member")!;
    expect(cookie).toMatch(/^smr_s_/);
    expect(cookie).not.toContain(g.memberToken);
    const stored = t.handle.raw.prepare("SELECT idHash FROM sessions").all() as { idHash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.idHash).not.toBe(cookie);
    expect((await client.get("/app")).status).toBe(200);
  });

  it("get a fresh id at every sign-in, and the one from before no longer works", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    const first = client.cookies.get("samrad_member")!;
    expect((await client.post("/app/login", { token: g.memberToken })).status).toBe(303);
    const second = client.cookies.get("samrad_member")!;
    expect(second).not.toBe(first);
    const old = from(t, "198.51.100.7");
    old.cookies.set("samrad_member", first);
    expect((await old.get("/app")).location).toBe("/app/login");
    expect((await client.get("/app")).status).toBe(200);
  });

  it("end on the server at logout: a copy of the old cookie no longer works", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    const copy = from(t, "198.51.100.7");
    copy.cookies.set("samrad_member", client.cookies.get("samrad_member")!);
    copy.cookies.set("samrad_csrf", client.cookies.get("samrad_csrf")!);
    expect((await copy.get("/app")).status).toBe(200);
    expect((await client.post("/app/logout", {})).location).toBe("/app/login?signedOut=1");
    expect((await copy.get("/app")).location).toBe("/app/login");
  });

  it("expire after the idle timeout, and are kept alive by use", async () => {
    const t = await testApp({ env: { ...env, SESSION_IDLE_HOURS: "8" } });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    t.clock.advanceMinutes(7 * 60);
    expect((await client.get("/app")).status).toBe(200);
    t.clock.advanceMinutes(7 * 60);
    expect((await client.get("/app")).status).toBe(200);
    t.clock.advanceMinutes(8 * 60 + 1);
    expect((await client.get("/app")).location).toBe("/app/login");
  });

  it("expire after the absolute timeout even when used all along", async () => {
    const t = await testApp({ env: { ...env, SESSION_ABSOLUTE_DAYS: "7" } });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    for (let hour = 0; hour < 7 * 24 - 6; hour += 6) {
      t.clock.advanceMinutes(6 * 60);
      expect((await client.get("/app")).status, `after ${hour + 6} h`).toBe(200);
    }
    t.clock.advanceMinutes(6 * 60);
    expect((await client.get("/app")).location).toBe("/app/login");
  });

  it("end when the token they were opened with is revoked", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const client = await signedIn(t, g.memberToken);
    const tokens = await t.call("GET", "/api/tokens", { token: t.coordinator });
    const own = tokens.body.items.find((x: { memberId: string | null }) => x.memberId === g.memberId);
    expect((await t.call("POST", `/api/tokens/${own.id}/revoke`, { token: t.coordinator })).status).toBe(200);
    expect((await client.get("/app")).location).toBe("/app/login");
    expect((await t.call("GET", "/api/topics", { token: g.memberToken })).status).toBe(401);
  });
});

describe("API tokens", () => {
  it("expire after TOKEN_TTL_DAYS", async () => {
    const t = await testApp({ env: { TOKEN_TTL_DAYS: "30" } });
    const g = await seedGroup(t);
    const listed = await t.call("GET", "/api/tokens", { token: t.coordinator });
    const own = listed.body.items.find((x: { memberId: string | null }) => x.memberId === g.memberId);
    expect(Date.parse(own.expiresAt) - t.clock.now().getTime()).toBe(30 * 86_400_000);
    t.clock.advanceMinutes(30 * 24 * 60 + 1);
    expect((await t.call("GET", "/api/topics", { token: g.memberToken })).status).toBe(401);
  });

  it("record their last use at most once a minute", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    const lastUsed = async () =>
      (await t.call("GET", "/api/tokens", { token: t.coordinator })).body.items.find((x: { memberId: string | null }) => x.memberId === g.memberId)
        .lastUsedAt as string | null;
    const first = await lastUsed();
    expect(first).toBe(t.clock.now().toISOString());
    // Each step is past the few seconds of the token cache (which reads the same clock).
    t.clock.advanceMinutes(0.5);
    await t.call("GET", "/api/topics", { token: g.memberToken });
    expect(await lastUsed()).toBe(first);
    t.clock.advanceMinutes(1);
    await t.call("GET", "/api/topics", { token: g.memberToken });
    expect(await lastUsed()).toBe(t.clock.now().toISOString());
  });

  it("can be listed and revoked only by the coordinator", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    expect((await t.call("GET", "/api/tokens", { token: g.memberToken })).status).toBe(403);
    const listed = await t.call("GET", "/api/tokens", { token: t.coordinator });
    const own = listed.body.items.find((x: { memberId: string | null }) => x.memberId === g.memberId);
    expect((await t.call("POST", `/api/tokens/${own.id}/revoke`, { token: g.memberToken })).status).toBe(403);
    expect((await t.call("POST", `/api/tokens/not-an-id/revoke`, { token: t.coordinator })).status).toBe(400);
    expect((await t.call("POST", `/api/tokens/${crypto.randomUUID()}/revoke`, { token: t.coordinator })).status).toBe(404);
  });
});
