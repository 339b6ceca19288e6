import { afterEach, describe, expect, it } from "vitest";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

const cookieLine = (res: { headers: Headers }, name: string) => res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));

describe("page headers", () => {
  it("sends a CSP without inline scripts on every page, and leaves the API's headers alone", async () => {
    t = await testApp();
    const client = new PageClient(t);
    for (const path of ["/", "/accessibility", "/app/login", "/coordinator/login", "/e/not-a-real-link-but-long-enough", "/app/nowhere"]) {
      const res = await client.get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.html, path).toMatch(/^<!DOCTYPE html><html lang="(fi|sv|en)">/);
    }
    const api = await t.call("GET", "/api/consultations", { token: t.coordinator });
    expect(api.headers.get("content-security-policy")).toBeNull();
    expect(api.headers.get("set-cookie")).toBeNull();
  });

  it("gives no script or style a place to hide: no inline script, no style attribute", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = new PageClient(t);
    await client.post("/app/login", { token: g.memberToken });
    for (const path of ["/", "/accessibility", "/app", "/app/new"]) {
      const { html } = await client.get(path);
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, path).not.toMatch(/\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
  });
});

describe("CSRF", () => {
  it("refuses a form without the token, with a wrong token, or from another origin", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = new PageClient(t);
    await client.get("/app/login");
    expect((await client.post("/app/login", { token: g.memberToken }, { csrf: null })).status).toBe(403);
    expect((await client.post("/app/login", { token: g.memberToken }, { csrf: "smr_x_" + "A".repeat(43) })).status).toBe(403);
    const foreign = await client.post("/app/login", { token: g.memberToken }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(client.cookies.has("samrad_member")).toBe(false);
    // The refusal is a page in the user's language, not a bare word.
    expect(foreign.html).toContain("<h1>");
    expect((await client.post("/app/login", { token: g.memberToken })).status).toBe(303);
  });

  it("accepts the public address as origin behind a proxy", async () => {
    t = await testApp({ env: { PUBLIC_BASE_URL: "https://samrad.example.fi" } });
    const g = await seedGroup(t);
    const client = new PageClient(t, { origin: "https://samrad.example.fi" });
    expect((await client.post("/app/login", { token: g.memberToken })).status).toBe(303);
  });
});

describe("cookies", () => {
  it("are HttpOnly and SameSite=Lax, without Secure over plain http", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = new PageClient(t);
    await client.get("/app/login?lang=sv");
    const res = await client.post("/app/login", { token: g.memberToken });
    for (const name of ["samrad_member"]) {
      const line = cookieLine(res, name)!;
      expect(line).toMatch(/HttpOnly/);
      expect(line).toMatch(/SameSite=Lax/);
      expect(line).not.toMatch(/Secure/);
      expect(line).toMatch(/Path=\/app/);
    }
    const csrf = cookieLine(await new PageClient(t).get("/"), "samrad_csrf")!;
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Lax/);
  });

  it("are Secure when the service is served over https", async () => {
    t = await testApp({ env: { PUBLIC_BASE_URL: "https://samrad.example.fi" } });
    const g = await seedGroup(t);
    const client = new PageClient(t, { origin: "https://samrad.example.fi" });
    expect(cookieLine(await client.get("/?lang=fi"), "samrad_lang")).toMatch(/; Secure/);
    expect(cookieLine(await client.post("/app/login", { token: g.memberToken }), "samrad_member")).toMatch(/; Secure/);
  });
});

describe("sign-in", () => {
  it("keeps the group's pages behind sign-in and signs out", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = new PageClient(t);
    expect((await client.get("/app")).location).toBe("/app/login");
    const signedIn = await client.post("/app/login", { token: g.memberToken });
    expect(signedIn.location).toBe("/app");
    expect((await client.get("/app")).status).toBe(200);
    const out = await client.post("/app/logout", {});
    expect(out.location).toBe("/app/login?signedOut=1");
    expect((await client.get("/app")).location).toBe("/app/login");
  });

  it("does not let a member's token open the coordinator's page, nor the other way round", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = new PageClient(t, { acceptLanguage: "en" });
    const wrong = await client.post("/coordinator/login", { token: g.memberToken });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("This access token is not for this page.");
    expect((await client.post("/app/login", { token: t.coordinator })).status).toBe(400);
    expect((await client.get("/coordinator")).location).toBe("/coordinator/login");
  });

  it("never writes the token back into the page after an error", async () => {
    t = await testApp();
    const client = new PageClient(t, { acceptLanguage: "fi" });
    const bad = "smr_m_this-token-does-not-exist-anywhere";
    const res = await client.post("/app/login", { token: bad });
    expect(res.status).toBe(400);
    expect(res.html).toContain("Tunniste ei ole voimassa tai se on peruttu.");
    expect(res.html).not.toContain(bad);
  });
});
