import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { API_SECURITY_HEADERS } from "../../src/lib/secure-headers.js";
import { testApp } from "../helpers/test-app.js";

/** The security headers of a response, names in lower case. */
function securityHeadersOf(res: { headers: Headers }, names: readonly string[]) {
  return Object.fromEntries(names.map((name) => [name.toLowerCase(), res.headers.get(name)]));
}

describe("the API's security headers", () => {
  it("are the ones hono/secure-headers sets by default", async () => {
    const reference = new Hono().use(secureHeaders()).get("/", (c) => c.text("ok"));
    const res = await reference.request("/");
    const names = [...res.headers.keys()].filter((name) => name !== "content-type");
    expect(Object.fromEntries(API_SECURITY_HEADERS.map(([name, value]) => [name.toLowerCase(), value]))).toEqual(securityHeadersOf(res, names));
  });

  it("come with every kind of API answer, with no-store: a read, a CSV, an error, an unknown route", async () => {
    const t = await testApp();
    try {
      const names = API_SECURITY_HEADERS.map(([name]) => name);
      const expected = Object.fromEntries(API_SECURITY_HEADERS.map(([name, value]) => [name.toLowerCase(), value]));
      const answers = [
        await t.call("GET", "/api/experts", { token: t.coordinator }),
        await t.call("GET", "/api/reports/evaluations.csv", { token: t.coordinator }),
        await t.call("GET", "/api/experts"),
        await t.call("GET", "/api/no-such-route", { token: t.coordinator }),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404]);
      for (const answer of answers) {
        expect(securityHeadersOf(answer, names)).toEqual(expected);
        expect(answer.headers.get("cache-control")).toBe("no-store");
      }
    } finally {
      await t.close();
    }
  });
});
