import { describe, expect, it } from "vitest";
import { seedGroup, seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "../pages/page-client.js";

const env = { CLIENT_ADDRESS_HEADER: "x-forwarded-for" };
const from = (t: TestApp, address: string) => new PageClient(t, { headers: { "x-forwarded-for": address } });
const wrongToken = "smr_m_" + "W".repeat(43);

describe("rate limits", () => {
  it("30 wrong sign-ins from one address within a minute get 429 with Retry-After; another address still signs in", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const guesser = from(t, "203.0.113.9");
    const statuses: number[] = [];
    let last: Awaited<ReturnType<PageClient["post"]>> | null = null;
    for (let i = 0; i < 30; i++) {
      last = await guesser.post("/app/login", { token: wrongToken });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(last!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Even the right token waits: otherwise guessing would go on, told apart by 303 and 429.
    expect((await guesser.post("/app/login", { token: g.memberToken })).status).toBe(429);

    const colleague = from(t, "198.51.100.20");
    const res = await colleague.post("/app/login", { token: g.memberToken });
    expect(res.status).toBe(303);

    t.clock.advanceMinutes(1);
    expect((await guesser.post("/app/login", { token: g.memberToken })).status).toBe(303);

    const events = await t.call("GET", "/api/security-events?limit=100", { token: t.coordinator });
    expect(events.status).toBe(200);
    const kinds = events.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === "sign_in.failed")).toHaveLength(10);
    expect(kinds.filter((k: string) => k === "rate_limit.exceeded")).toHaveLength(1);
    expect(kinds.filter((k: string) => k === "sign_in.succeeded")).toHaveLength(2);
    expect(JSON.stringify(events.body)).not.toContain("203.0.113.9");
  });

  it("counts successful sign-ins not at all", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const client = from(t, "203.0.113.10");
    for (let i = 0; i < 40; i++) expect((await client.post("/app/login", { token: g.memberToken })).status).toBe(303);
  });

  it("answers refused bearer tokens with 429 RATE_LIMITED and Retry-After after 20 a minute, documented in OpenAPI", async () => {
    const t = await testApp({ env });
    const g = await seedGroup(t);
    const headers = { "x-forwarded-for": "203.0.113.11" };
    for (let i = 0; i < 20; i++) expect((await t.call("GET", "/api/topics", { token: wrongToken, headers })).status).toBe(401);
    const limited = await t.call("GET", "/api/topics", { token: wrongToken, headers });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await t.call("GET", "/api/topics", { token: g.memberToken, headers: { "x-forwarded-for": "198.51.100.21" } })).status).toBe(200);
    const doc = (await t.call("GET", "/openapi.json")).body;
    expect(doc.paths["/api/topics"].get.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(doc.paths["/api/expert/{secret}"].get.responses["429"]).toBeDefined();
  });

  it("stops guessing of expert links on the page and the API, while the real link still works elsewhere", async () => {
    const t = await testApp({ env });
    const r = await seedRequested(t);
    const headers = { "x-forwarded-for": "203.0.113.12" };
    for (let i = 0; i < 20; i++) {
      const path = i % 2 ? `/api/expert/guess-${i}-${"x".repeat(40)}` : `/e/guess-${i}-${"x".repeat(40)}`;
      expect((await t.call("GET", path, { headers })).status).toBe(404);
    }
    const page = await t.call("GET", `/e/another-guess-${"x".repeat(40)}`, { headers });
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBeTruthy();
    expect((await t.call("GET", `/api/expert/${r.secret}`, { headers })).body.error.code).toBe("RATE_LIMITED");
    expect((await t.call("GET", `/api/expert/${r.secret}`, { headers: { "x-forwarded-for": "198.51.100.22" } })).status).toBe(200);
  });

  it("limits accessibility feedback to 10 sent forms an hour per address", async () => {
    const t = await testApp({ env });
    const client = from(t, "203.0.113.13");
    for (let i = 0; i < 10; i++) expect((await client.post("/accessibility", { message: `Kontrasten är för svag, försök ${i}` })).status).toBe(200);
    expect((await client.post("/accessibility", { message: "En gång till" })).status).toBe(429);
    expect((await from(t, "198.51.100.23").post("/accessibility", { message: "Från en annan adress" })).status).toBe(200);
  });
});
