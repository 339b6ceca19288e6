/**
 * OpenID Connect sign-in on workerd: openid-client in the Worker talks to a real oidc-provider
 * that tests/sign-in/workers-provider.setup.ts runs in Node on 127.0.0.1.
 */
import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import worker from "../../src/entry.worker.js";
import { throughProvider } from "../sign-in/through-provider.js";
import { coordinatorToken } from "./seed.js";

const APP = "https://samrad.example.org";
const settings = inject("oidc");
/** Its own env object, so the Worker builds deps with OpenID Connect configured. */
const oidcEnv = { ...env, OIDC_ISSUER: settings.issuer, OIDC_CLIENT_ID: settings.clientId, OIDC_CLIENT_SECRET: settings.clientSecret };

async function fetchWorker(path: string, cookies: Map<string, string>) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(APP + path, { headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), "cf-connecting-ip": "198.51.100.60" }, redirect: "manual" }),
    oidcEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  for (const line of setCookies(res)) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    if (/max-age=0/i.test(line)) cookies.delete(pair!.slice(0, i));
    else cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

describe("OpenID Connect sign-in on Workers", () => {
  it("signs a member in by verified e-mail and refuses an unknown person", async () => {
    const coordinator = await coordinatorToken();
    const api = async (path: string, body: unknown) => {
      const res = await SELF.fetch(`${APP}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(201);
      return (await res.json()) as { id: string };
    };
    const group = await api("/api/groups", { name: "Ryhmä", organisation: "Kunta" });
    await api(`/api/groups/${group.id}/members`, { name: "Vilma Keksitty", email: "vilma.keksitty@example.fi" });

    for (const [person, expected] of [
      [{ sub: "w-1", oid: "0a1b2c3d-0000-4000-8000-0000000000a1", email: "vilma.keksitty@example.fi", name: "Vilma Keksitty" }, 303],
      [{ sub: "w-2", oid: "0a1b2c3d-0000-4000-8000-0000000000a2", email: "nobody@example.fi", name: "Nobody" }, 403],
    ] as const) {
      const cookies = new Map<string, string>();
      const started = await fetchWorker("/app/login/microsoft", cookies);
      expect(started.status, started.html).toBe(303);
      const control = new URL("/control/sign-in-as", settings.issuer);
      expect((await fetch(control, { method: "POST", body: JSON.stringify(person) })).status).toBe(204);
      const back = new URL(await throughProvider(started.location!, APP));
      const landed = await fetchWorker(back.pathname + back.search, cookies);
      expect(landed.status, landed.html).toBe(expected);
      if (expected === 303) {
        expect(landed.location).toBe("/app");
        expect((await fetchWorker("/app", cookies)).status).toBe(200);
      } else {
        expect(cookies.has("samrad_member")).toBe(false);
      }
    }
  });
});

/** Set-Cookie lines; typed by hand because the Workers and Node Headers types differ here. */
function setCookies(res: Response): string[] {
  return (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
}
