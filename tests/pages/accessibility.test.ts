import { afterEach, describe, expect, it } from "vitest";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient, textOf, valueOf } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

describe("the accessibility statement", () => {
  it.each([
    ["fi", "Saavutettavuusseloste", "306/2019", "https://www.saavutettavuusvaatimukset.fi/"],
    ["sv", "Tillgänglighetsutlåtande", "306/2019", "https://www.tillganglighetskrav.fi/"],
    ["en", "Accessibility statement", "306/2019", "https://www.webaccessibility.fi/"],
  ])("is served in %s with the law, the 14 days and the enforcement authority", async (lang, title, law, authority) => {
    t = await testApp();
    const res = await new PageClient(t).get(`/accessibility?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain(`<h1>${title}</h1>`);
    expect(res.html).toContain(law);
    expect(res.html).toContain("14");
    expect(res.html).toContain(`href="${authority}"`);
    expect(res.html).not.toContain('name="robots"');
  });

  it("is linked from the footer of every page", async () => {
    t = await testApp();
    const client = new PageClient(t);
    for (const path of ["/", "/app/login", "/coordinator/login", "/e/unknown-link-of-enough-length", "/app/missing"]) {
      expect((await client.get(path)).html, path).toMatch(/<footer[\s\S]*href="\/accessibility"/);
    }
  });
});

describe("accessibility feedback", () => {
  it("keeps typed values and shows errors next to the fields", async () => {
    t = await testApp();
    const client = new PageClient(t, { acceptLanguage: "sv" });
    const res = await client.post("/accessibility", { message: "", email: "not-an-address", name: "Ingrid Påhittad", pageUrl: "" });
    expect(res.status).toBe(400);
    expect(textOf(res.html, "message-error")).toBe("Fyll i det här fältet.");
    expect(textOf(res.html, "email-error")).toBe("Ange en e-postadress, till exempel namn@exempel.se.");
    expect(valueOf(res.html, "email")).toBe("not-an-address");
    expect(valueOf(res.html, "name")).toBe("Ingrid Påhittad");
    expect(textOf(res.html, "name-error")).toBeUndefined();
  });

  it("is stored with an answer-by date 14 days later and listed for the coordinator only", async () => {
    t = await testApp({ now: "2027-03-01T08:00:00.000Z" });
    const g = await seedGroup(t);
    const client = new PageClient(t, { acceptLanguage: "en" });
    const res = await client.post("/accessibility", {
      message: "The time inputs are hard with a screen reader.",
      email: "Person@Example.org",
      name: "",
      pageUrl: "/app/new/times",
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain("We received your feedback on 1 March 2027. We answer by 15 March 2027.");

    expect((await t.call("GET", "/api/admin/accessibility-feedback", { token: g.memberToken })).status).toBe(403);
    expect((await t.call("GET", "/api/admin/accessibility-feedback")).status).toBe(401);
    const list = await t.call("GET", "/api/admin/accessibility-feedback", { token: t.coordinator });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        id: expect.any(String),
        receivedAt: "2027-03-01T08:00:00.000Z",
        answerBy: "2027-03-15T08:00:00.000Z",
        overdue: false,
        language: "en",
        message: "The time inputs are hard with a screen reader.",
        pageUrl: "/app/new/times",
        name: null,
        email: "person@example.org",
        answeredAt: null,
        answerNote: null,
      },
    ]);
    t.clock.set("2027-03-16T08:00:00.000Z");
    const later = await t.call("GET", "/api/admin/accessibility-feedback", { token: t.coordinator });
    expect(later.body.items[0].overdue).toBe(true);
  });

  it("is documented in the OpenAPI document", async () => {
    t = await testApp();
    const doc = await t.call("GET", "/openapi.json");
    expect(doc.body.paths["/api/admin/accessibility-feedback"].get.responses).toHaveProperty("200");
    expect(doc.body.components.schemas).toHaveProperty("AccessibilityFeedback");
  });
});
