/**
 * Page sign-in on workerd with D1: sessions from the token form, logout on the server, and the
 * limits, counted in D1 per CF-Connecting-IP (the address Cloudflare sets for the client).
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { coordinatorToken } from "./seed.js";

const BASE = "http://samrad.test";

/** A browser in miniature: cookies, the CSRF field, the site's Origin, one client address. */
function browser(address: string) {
  const jar = new Map<string, string>();
  const headers = (extra: Record<string, string> = {}) => ({
    "cf-connecting-ip": address,
    ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
    ...extra,
  });
  const remember = (res: Response) => {
    for (const line of setCookies(res)) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/max-age=0/i.test(line) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return {
    jar,
    async get(path: string) {
      const res = remember(await SELF.fetch(BASE + path, { headers: headers(), redirect: "manual" }));
      await res.text();
      return res;
    },
    async post(path: string, fields: Record<string, string>) {
      if (!jar.has("samrad_csrf")) await this.get("/accessibility");
      const body = new URLSearchParams({ _csrf: jar.get("samrad_csrf")!, ...fields });
      const res = remember(
        await SELF.fetch(BASE + path, {
          method: "POST",
          headers: headers({ "content-type": "application/x-www-form-urlencoded", origin: BASE }),
          body: body.toString(),
          redirect: "manual",
        }),
      );
      await res.text();
      return res;
    },
  };
}

describe("sign-in on Workers", () => {
  it("opens a server-side session from the token form and ends it at logout", async () => {
    const token = await coordinatorToken();
    const b = browser("198.51.100.40");
    const signedIn = await b.post("/coordinator/login", { token });
    expect(signedIn.status).toBe(303);
    const session = b.jar.get("samrad_coordinator")!;
    expect(session).toMatch(/^smr_s_/);
    expect(session).not.toContain(token);
    expect((await b.get("/coordinator/security-events")).status).toBe(200);

    const copy = browser("198.51.100.40");
    copy.jar.set("samrad_coordinator", session);
    expect((await copy.get("/coordinator")).status).toBe(200);
    expect((await b.post("/coordinator/logout", {})).status).toBe(303);
    expect((await copy.get("/coordinator")).headers.get("location")).toBe("/coordinator/login");
  });

  it("answers 30 wrong sign-ins from one address with 429 and Retry-After, while another address signs in", async () => {
    const token = await coordinatorToken();
    const guesser = browser("203.0.113.50");
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 30; i++) {
      last = await guesser.post("/coordinator/login", { token: "smr_c_" + "G".repeat(43) });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await guesser.post("/coordinator/login", { token })).status).toBe(429);
    expect((await browser("198.51.100.41").post("/coordinator/login", { token })).status).toBe(303);
  });

  it("answers refused bearer tokens over the limit with the RATE_LIMITED envelope", async () => {
    const token = await coordinatorToken();
    const get = (bearer: string, address: string) =>
      SELF.fetch(`${BASE}/api/groups`, { headers: { authorization: `Bearer ${bearer}`, "cf-connecting-ip": address } });
    for (let i = 0; i < 20; i++) expect((await get("smr_c_" + "B".repeat(43), "203.0.113.51")).status).toBe(401);
    const limited = await get("smr_c_" + "B".repeat(43), "203.0.113.51");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    expect((await get(token, "198.51.100.42")).status).toBe(200);
  });
});

/** Set-Cookie lines; typed by hand because the Workers and Node Headers types differ here. */
function setCookies(res: Response): string[] {
  return (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
}
