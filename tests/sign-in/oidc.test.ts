import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedGroup, testApp } from "../helpers/test-app.js";
import { PageClient } from "../pages/page-client.js";
import { startTestProvider, type TestPerson, type TestProvider } from "./test-provider.js";
import { throughProvider } from "./through-provider.js";

const APP = "http://samrad.test";
let idp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider(`${APP}/auth/oidc/callback`);
});
afterAll(() => idp.close());

const mikko: TestPerson = { sub: "sub-mikko", oid: "0a1b2c3d-0000-4000-8000-000000000001", email: "Mikko.Keksitty@example.fi", name: "Mikko Keksitty" };
const stranger: TestPerson = { sub: "sub-stranger", oid: "0a1b2c3d-0000-4000-8000-000000000002", email: "outsider@example.fi", name: "Olli Ulkopuolinen" };

async function appWithOidc(env: Record<string, string> = {}) {
  const t = await testApp({ env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, ...env } });
  return { t, g: await seedGroup(t) };
}

/** Starts the flow in the app, passes the provider, and returns the callback path the browser comes back with. */
async function toCallback(client: PageClient, person: TestPerson, start = "/app/login/microsoft") {
  const started = await client.get(start);
  expect(started.status).toBe(303);
  const authorize = new URL(started.location!);
  expect(authorize.href.startsWith(idp.issuer), authorize.href).toBe(true);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("scope")).toBe("openid profile email");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  idp.signInAs(person);
  const back = new URL(await throughProvider(authorize.href, APP));
  return back.pathname + back.search;
}

describe("sign-in with the organisation's Microsoft account (OpenID Connect against oidc-provider)", () => {
  it("signs a member in by verified e-mail, lands in their group, and links the stable id", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    expect((await client.get("/app/login")).html).toContain('id="sign-in-microsoft"');
    const back = await toCallback(client, mikko);
    const landed = await client.get(back);
    expect(landed.status, landed.html).toBe(303);
    expect(landed.location).toBe("/app");
    expect((await client.get("/app")).status).toBe(200);
    // The group's own topic is offered: the session is the member's, in the member's group.
    const newConsultation = await client.get("/app/new");
    expect(newConsultation.status).toBe(200);
    expect(newConsultation.html).toContain("Early support for families");
    const links = t.handle.raw.prepare("SELECT subject FROM sign_in_identities").all() as { subject: string }[];
    expect(links.map((l) => l.subject)).toEqual([`9f0e6d3c-2b1a-4c5d-8e7f-123456789abc:${mikko.oid}`]);

    // Once linked, the stable id is enough even after the address changes at the provider.
    const renamed = { ...mikko, email: "mikko.uusi@example.fi" };
    const again = new PageClient(t);
    expect((await again.get(await toCallback(again, renamed))).location).toBe("/app");
  });

  it("gives a fresh session id at sign-in; logout ends it and the old cookie no longer works", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    client.cookies.set("samrad_member", "smr_s_" + "P".repeat(43)); // planted before sign-in
    await client.get(await toCallback(client, mikko));
    const session = client.cookies.get("samrad_member")!;
    expect(session).not.toBe("smr_s_" + "P".repeat(43));
    const copy = new PageClient(t);
    copy.cookies.set("samrad_member", session);
    expect((await copy.get("/app")).status).toBe(200);
    await client.post("/app/logout", {});
    expect((await copy.get("/app")).location).toBe("/app/login");
  });

  it("refuses an unknown person with a clear page in their language, and gives no session", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    await client.get("/app/login?lang=sv");
    const refused = await client.get(await toCallback(client, stranger));
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("Vi kunde inte logga in dig");
    expect(client.cookies.has("samrad_member")).toBe(false);
  });

  it("refuses a wrong state", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    const back = new URL(await toCallback(client, mikko), APP);
    back.searchParams.set("state", "not-the-state-we-sent");
    const res = await client.get(back.pathname + back.search);
    expect(res.status).toBe(400);
    expect(client.cookies.has("samrad_member")).toBe(false);
  });

  it("refuses a replayed code, with the old flow and with a new one", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    const back = await toCallback(client, mikko);
    expect((await client.get(back)).status).toBe(303);
    const attacker = new PageClient(t);
    expect((await attacker.get(back)).status).toBe(400);
    // A fresh flow of the attacker's own, with the stolen code and the new state.
    const started = await attacker.get("/app/login/microsoft");
    const state = new URL(started.location!).searchParams.get("state")!;
    const replay = new URL(back, APP);
    replay.searchParams.set("state", state);
    expect((await attacker.get(replay.pathname + replay.search)).status).toBe(400);
    expect(attacker.cookies.has("samrad_member")).toBe(false);
  });

  it.each([
    ["another audience", (d: Record<string, unknown>) => ({ ...d, aud: "some-other-app" })],
    ["another issuer", (d: Record<string, unknown>) => ({ ...d, iss: "http://127.0.0.1:1/another-tenant/v2.0" })],
    ["an expired one", (d: Record<string, unknown>) => ({ ...d, iat: Number(d.iat) - 7200, exp: Number(d.iat) - 3600 })],
    ["another nonce", (d: Record<string, unknown>) => ({ ...d, nonce: "someone-elses-nonce" })],
  ])("refuses an ID token for %s", async (_name, forge) => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    const back = await toCallback(client, mikko);
    idp.forgeNextIdToken(forge);
    const res = await client.get(back);
    expect(res.status).toBe(400);
    expect(client.cookies.has("samrad_member")).toBe(false);
    const events = await t.call("GET", "/api/security-events", { token: t.coordinator });
    expect(events.body.items[0]).toMatchObject({ kind: "sign_in.failed", method: "oidc", detail: { reason: "refused" } });
  });

  it("accepts the forged-token path's control case, so the refusals above are about the claim changed", async () => {
    const { t } = await appWithOidc();
    const client = new PageClient(t);
    const back = await toCallback(client, mikko);
    idp.forgeNextIdToken((d) => d);
    expect((await client.get(back)).location).toBe("/app");
  });

  it("signs in a coordinator named in COORDINATOR_EMAILS, and refuses a member at the coordinator's door", async () => {
    const { t } = await appWithOidc({ COORDINATOR_EMAILS: "koordinaattori@example.fi" });
    const coordinator: TestPerson = { sub: "sub-coord", oid: "0a1b2c3d-0000-4000-8000-000000000003", email: "koordinaattori@example.fi", name: "Kaisa Koordinaattori" };
    const client = new PageClient(t);
    expect((await client.get(await toCallback(client, coordinator, "/coordinator/login/microsoft"))).location).toBe("/coordinator");
    expect((await client.get("/coordinator")).status).toBe(200);
    const member = new PageClient(t);
    expect((await member.get(await toCallback(member, mikko, "/coordinator/login/microsoft"))).status).toBe(403);
  });
});
