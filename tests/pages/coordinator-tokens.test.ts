import { afterEach, describe, expect, it } from "vitest";
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
});
