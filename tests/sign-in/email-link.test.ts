import { describe, expect, it } from "vitest";
import type { Mailer, OutgoingMail } from "../../src/meetings/scheduler.js";
import { seedGroup, testApp } from "../helpers/test-app.js";
import { PageClient } from "../pages/page-client.js";

function recordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { canSend: true, provider: "smtp", sent, send: async (m) => void sent.push(m) };
}

const linkIn = (mail: OutgoingMail) => /http:\/\/samrad\.test(\/auth\/email\/smr_l_[\w-]{43})/.exec(mail.body)![1]!;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe("sign-in by e-mail link", () => {
  it("is offered only when the service can send mail", async () => {
    const without = await testApp();
    expect((await new PageClient(without).get("/app/login")).html).not.toContain('name="email"');
    const withMail = await testApp({ mailer: recordingMailer() });
    expect((await new PageClient(withMail).get("/app/login")).html).toContain('name="email"');
  });

  it("sends a single-use link in the page's language that signs the member in, and answers unknown addresses alike", async () => {
    const mailer = recordingMailer();
    const t = await testApp({ mailer });
    await seedGroup(t);
    const client = new PageClient(t);
    await client.get("/app/login?lang=sv");
    const known = await client.post("/app/login/email", { email: "Mikko.Keksitty@example.fi" });
    const unknown = await client.post("/app/login/email", { email: "nobody.here@example.fi" });
    await settle();
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/smr_x_[\w-]+/g, "");
    expect(strip(known.html)).toBe(strip(unknown.html));
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to.email).toBe("mikko.keksitty@example.fi");
    expect(mailer.sent[0]!.subject).toBe("Din inloggningslänk till Samråd");

    const link = linkIn(mailer.sent[0]!);
    // Opening the link (a mail scanner does) does not use it up.
    expect((await client.get(link)).status).toBe(200);
    const used = await client.post(link, {});
    expect(used.location).toBe("/app");
    expect((await client.get("/app")).status).toBe(200);
    expect((await new PageClient(t).post(link, {})).status).toBe(400);
  });

  it("stops working after 15 minutes", async () => {
    const mailer = recordingMailer();
    const t = await testApp({ mailer });
    await seedGroup(t);
    const client = new PageClient(t);
    await client.post("/app/login/email", { email: "mikko.keksitty@example.fi" });
    await settle();
    t.clock.advanceMinutes(15);
    expect((await client.post(linkIn(mailer.sent[0]!), {})).status).toBe(400);
    expect(client.cookies.has("samrad_member")).toBe(false);
  });

  it("signs in a coordinator named in COORDINATOR_EMAILS, and nobody else as coordinator", async () => {
    const mailer = recordingMailer();
    const t = await testApp({ mailer, env: { COORDINATOR_EMAILS: "koordinaattori@example.fi" } });
    await seedGroup(t);
    const client = new PageClient(t);
    await client.post("/coordinator/login/email", { email: "mikko.keksitty@example.fi" });
    await client.post("/coordinator/login/email", { email: "koordinaattori@example.fi" });
    await settle();
    expect(mailer.sent.map((m) => m.to.email)).toEqual(["koordinaattori@example.fi"]);
    expect((await client.post(linkIn(mailer.sent[0]!), {})).location).toBe("/coordinator");
    expect((await client.get("/coordinator")).status).toBe(200);
  });

  it("limits link requests per e-mail address, whether known or not", async () => {
    const mailer = recordingMailer();
    const t = await testApp({ mailer });
    await seedGroup(t);
    const client = new PageClient(t);
    for (const email of ["mikko.keksitty@example.fi", "nobody.here@example.fi"]) {
      for (let i = 0; i < 3; i++) expect((await client.post("/app/login/email", { email })).status).toBe(200);
      const fourth = await client.post("/app/login/email", { email });
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get("retry-after")).toBeTruthy();
    }
  });
});

describe("security events", () => {
  it("lists sign-ins, refusals and the coordinator's actions, paged, on the API and the coordinator's page", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    await t.call("GET", "/api/topics", { token: "smr_m_" + "Z".repeat(43) });
    const coordinator = new PageClient(t);
    expect((await coordinator.post("/coordinator/login", { token: t.coordinator })).status).toBe(303);
    const first = await t.call("GET", "/api/security-events?limit=2", { token: t.coordinator });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].kind).toBe("sign_in.succeeded");
    const all = await t.call("GET", `/api/security-events?limit=100`, { token: t.coordinator });
    const kinds = all.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["auth.refused", "token.created", "admin.action", "sign_in.succeeded"]));
    expect(first.headers.get("link")).toContain("cursor=");
    const next = await t.call("GET", `/api/security-events?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: t.coordinator });
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).toBeLessThan(first.body.items[1].id);
    expect(JSON.stringify(all.body)).not.toContain(g.memberToken);
    expect(JSON.stringify(all.body)).not.toContain("mikko.keksitty@example.fi");
    expect((await t.call("GET", "/api/security-events", { token: g.memberToken })).status).toBe(403);

    const page = await coordinator.get("/coordinator/security-events?lang=fi");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Tietoturvatapahtumat");
    expect(page.html).toContain("Tunniste torjuttiin");
  });
});
