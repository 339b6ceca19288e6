import { afterEach, describe, expect, it } from "vitest";
import type { Mailer, OutgoingMail } from "../../src/meetings/scheduler.js";
import { catalogues } from "../../src/pages/i18n/index.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

describe("the coordinator's tokens page", () => {
  for (const lang of ["en", "sv", "fi"] as const) {
    it(`lists every token with its member and revokes one, after which the member's next page is refused (${lang})`, async () => {
      t = await testApp();
      const g = await seedGroup(t);
      const k = catalogues[lang].tokenList;
      const coordinator = new PageClient(t, { acceptLanguage: lang });
      expect((await coordinator.get("/coordinator/tokens")).location).toBe("/coordinator/login");
      await coordinator.post("/coordinator/login", { token: t.coordinator });
      const member = new PageClient(t, { acceptLanguage: lang });
      expect((await member.post("/app/login", { token: g.memberToken })).location).toBe("/app");
      expect((await member.get("/app")).status).toBe(200);

      const listed = await coordinator.get("/coordinator/tokens");
      expect(listed.status).toBe(200);
      expect(listed.html).toContain(k.title);
      expect(listed.html).toContain("Mikko Keksitty");
      expect(listed.html).toContain("Sanna Kuvitteellinen");
      expect(listed.html).toContain(`href="/coordinator/groups/${g.groupId}"`);
      const tokenId = (await t.call("GET", "/api/tokens", { token: t.coordinator })).body.items.find((x: { memberId: string | null }) => x.memberId === g.memberId).id as string;
      // Three tokens in use (the coordinator's and two members'), each with its revoke button.
      expect(listed.html.split(`>${k.revoke}<`).length - 1).toBe(3);

      // The group's page shows the member's sign-in state from the same tokens.
      const groupPage = await coordinator.get(`/coordinator/groups/${g.groupId}`);
      expect(groupPage.html).toContain(k.notUsedYet(k.states.active));

      expect((await coordinator.post(`/coordinator/tokens/${tokenId}/revoke`, {}, { csrf: null })).status).toBe(403);
      const revoked = await coordinator.post(`/coordinator/tokens/${tokenId}/revoke`, {});
      expect(revoked.location).toBe("/coordinator/tokens?done=revoked");
      const after = await coordinator.get(revoked.location!);
      expect(after.html).toContain(k.revoked);
      expect(after.html).toContain(`>${k.states.revoked}<`);
      expect(after.html.split(`>${k.revoke}<`).length - 1).toBe(2);

      // The member's session was opened with the revoked token: their next page load is refused.
      const refused = await member.get("/app");
      expect(refused.status).toBe(303);
      expect(refused.location).toMatch(/^\/app\/login/);
      expect((await t.call("GET", "/api/topics", { token: g.memberToken })).status).toBe(401);
      expect((await coordinator.post(`/coordinator/tokens/${crypto.randomUUID()}/revoke`, {})).status).toBe(404);
    });
  }

  it("pages through many tokens with next links, and members may not see the page", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    for (let i = 0; i < 3; i++) await seedGroup(t);
    for (let i = 0; i < 45; i++) {
      const added = await t.call("POST", `/api/groups/${g.groupId}/members`, { token: t.coordinator, body: { name: `Keksitty Jäsen ${i}`, email: `jasen.${i}@example.fi` } });
      expect(added.status).toBe(201);
    }
    const page = new PageClient(t, { acceptLanguage: "en" });
    await page.post("/coordinator/login", { token: t.coordinator });
    const first = await page.get("/coordinator/tokens");
    const next = first.html.match(new RegExp(`href="(/coordinator/tokens\\?cursor=[^"]+)">${catalogues.en.tokenList.next}<`))?.[1];
    expect(next).toBeDefined();
    const second = await page.get(next!.replace(/&amp;/g, "&"));
    expect(second.status).toBe(200);
    // 1 coordinator token + 4 seeded groups of two + 45 more members: 54, each on exactly one page.
    const ids = (html: string) => [...html.matchAll(/data-token-id="([^"]+)"/g)].map((m) => m[1]);
    const seen = [...ids(first.html), ...ids(second.html)];
    expect(ids(first.html)).toHaveLength(50);
    expect(new Set(seen).size).toBe(54);
    expect(second.html).not.toContain(`>${catalogues.en.tokenList.next}<`);
    expect(second.html).toContain(`>${catalogues.en.tokenList.newest}<`);
    expect((await page.get("/coordinator/tokens?cursor=not-a-cursor")).status).toBe(200);

    const member = new PageClient(t, { acceptLanguage: "en" });
    await member.post("/app/login", { token: g.memberToken });
    expect((await member.get("/coordinator/tokens")).location).toBe("/coordinator/login");
  });

  it("invites a new member by mail in their language instead of showing a code, when mail is configured", async () => {
    const sent: OutgoingMail[] = [];
    const mailer: Mailer = { canSend: true, provider: "smtp", send: async (m) => void sent.push(m) };
    t = await testApp({ mailer });
    const g = await seedGroup(t);
    sent.length = 0;
    const page = new PageClient(t, { acceptLanguage: "fi" });
    await page.post("/coordinator/login", { token: t.coordinator });
    const added = await page.post(`/coordinator/groups/${g.groupId}/members`, { name: "Stina Påhittad", email: "stina.pahittad@example.fi", language: "sv" });
    expect(added.status).toBe(200);
    expect(added.html).toContain(catalogues.fi.tokenList.invited("Stina Påhittad"));
    expect(added.html).not.toContain('id="issued-token"');
    expect(added.html).not.toMatch(/smr_m_[\w-]{20,}/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to.email).toBe("stina.pahittad@example.fi");
    // Swedish, as the member reads the service, whatever the coordinator's page language.
    expect(sent[0]!.subject).toBe(catalogues.sv.tokenList.inviteSubject("Lastensuojelun kehittäjäryhmä"));
    expect(sent[0]!.body).toContain("/app/login");

    // Without mail, the code is shown once instead.
    const plain = await testApp();
    const g2 = await seedGroup(plain);
    const page2 = new PageClient(plain, { acceptLanguage: "fi" });
    await page2.post("/coordinator/login", { token: plain.coordinator });
    const shown = await page2.post(`/coordinator/groups/${g2.groupId}/members`, { name: "Stina Påhittad", email: "stina.pahittad@example.fi", language: "sv" });
    expect(shown.html).toContain('id="issued-token"');
    await plain.close();
  });
});
