import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

let browser: Browser;
let app: ServedApp;
beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("/docs in Chromium", () => {
  it("shows every operation of the document with nothing loaded from outside 127.0.0.1 and nothing blocked by the CSP", async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const requested: string[] = [];
    page.on("request", (req) => requested.push(req.url()));
    const answer = await page.goto("/docs");
    expect(answer?.headers()["content-security-policy"]).toContain("script-src 'self'");
    // Swagger UI renders one block per operation once it has read /openapi.json.
    await page
      .locator(".opblock")
      .first()
      .waitFor({ timeout: 60_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${problems.join("\n")}`);
      });
    const doc = (await app.call("GET", "/openapi.json")).body as { paths: Record<string, object>; webhooks?: Record<string, object> };
    // Swagger UI shows the webhooks (OpenAPI 3.1) as operations too.
    const items = [...Object.values(doc.paths), ...Object.values(doc.webhooks ?? {})];
    const operations = items.reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.locator(".opblock").count()).toBe(operations);
    expect(await page.getByText("Samråd API", { exact: false }).first().isVisible()).toBe(true);

    const elsewhere = requested.filter((url) => !url.startsWith(app.baseUrl) && !url.startsWith("data:"));
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(`${app.baseUrl}/openapi.json`);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
