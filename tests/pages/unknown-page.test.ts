import { afterEach, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

it("answers a browser's unknown address with the 404 page in its language, and an API client with the envelope", async () => {
  t = await testApp();
  const page = await t.app.request("/no-such-page?lang=sv", { headers: { accept: "text/html,application/xhtml+xml" } });
  expect(page.status).toBe(404);
  expect(page.headers.get("content-type")).toContain("text/html");
  const html = await page.text();
  expect(html).toContain('<html lang="sv"');
  expect(html).toContain(catalogues.sv.errors.notFoundTitle);
  expect(page.headers.get("content-security-policy")).toBeTruthy();

  const api = await t.app.request("/no-such-page", { headers: { accept: "application/json" } });
  expect(api.status).toBe(404);
  expect((await api.json()).error.code).toBe("NOT_FOUND");
  const apiPath = await t.app.request("/api/no-such-thing", { headers: { accept: "text/html" } });
  // Under /api/ the API answers (here: no token), never the page.
  expect(apiPath.headers.get("content-type")).toContain("application/json");
});
