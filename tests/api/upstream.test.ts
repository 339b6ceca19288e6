import { describe, expect, it } from "vitest";
import { GraphRequestError } from "../../src/graph/graph-errors.js";
import type { FreeBusyLookup } from "../../src/scheduling/free-busy.port.js";
import { seedGroup, testApp } from "../helpers/test-app.js";

const down = (retryAfterSeconds: number | null): FreeBusyLookup => ({
  available: true,
  busy: async () => {
    throw new GraphRequestError({ operation: "get schedule", status: 503, code: "ServiceUnavailable", message: "down", retryAfterSeconds });
  },
});

describe("Microsoft Graph down on a request path", () => {
  it("answers suggestions with 503 UPSTREAM_UNAVAILABLE and Graph's Retry-After, not 500", async () => {
    const t = await testApp({ now: "2027-06-21T06:00:00Z" });
    const g = await seedGroup(t);
    const ask = () =>
      t.call("GET", `/api/consultations/suggestions?memberIds=${g.memberId}&expertId=${g.expertId}&durationMinutes=30&from=2027-06-24T00:00:00Z`, {
        token: g.memberToken,
      });
    t.deps.freeBusy = down(120);
    const res = await ask();
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(res.headers.get("retry-after")).toBe("120");

    // Without a Retry-After from Graph, the service still tells the client when to come back.
    t.deps.freeBusy = down(null);
    const again = await ask();
    expect(again.status).toBe(503);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    await t.close();
  });

  it("turns a Graph failure that no service handled into 503, never 500", async () => {
    const t = await testApp();
    t.app.get("/api/__graph-probe", () => {
      throw new GraphRequestError({ operation: "probe", status: null, code: "NetworkError", message: "reset", retryAfterSeconds: 7 });
    });
    const res = await t.call("GET", "/api/__graph-probe", { token: t.coordinator });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body.error.code).toBe("UPSTREAM_UNAVAILABLE");
    await t.close();
  });
});

describe("media types", () => {
  it("answers a body that is not JSON with 415 in the envelope", async () => {
    const t = await testApp();
    const res = await t.call("POST", "/api/groups", { token: t.coordinator, rawBody: "name=x", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    await t.close();
  });
});
