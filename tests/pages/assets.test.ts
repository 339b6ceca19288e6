import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { generateAssetsModules, generatedPaths } from "../../src/pages/assets/bundle-assets.js";
import { assetUrl } from "../../src/pages/assets/asset-urls.js";
import { testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

describe("bundled assets", () => {
  it("are up to date with their sources (else run: npx tsx src/pages/assets/bundle-assets.ts)", () => {
    const fresh = generateAssetsModules();
    expect(readFileSync(generatedPaths.manifest, "utf8") === fresh.manifest).toBe(true);
    expect(readFileSync(generatedPaths.bodies, "utf8") === fresh.bodies).toBe(true);
  });

  it("are served from memory with their type, and cached for a year only at their hashed address", async () => {
    t = await testApp();
    const hashed = await t.app.request(assetUrl("styles.css"));
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(hashed.headers.get("cache-control")).toContain("immutable");
    expect(hashed.headers.get("x-content-type-options")).toBe("nosniff");
    const plain = await t.app.request("/assets/styles.css");
    expect(plain.headers.get("cache-control")).toBe("no-cache");
    const revalidated = await t.app.request("/assets/styles.css", { headers: { "if-none-match": hashed.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
    expect((await t.app.request("/assets/nothing.js")).status).toBe(404);
  });

  it("carry Chart.js with its licence, so the coordinator's charts need no network", async () => {
    t = await testApp();
    const chart = await (await t.app.request(assetUrl("chart.umd.min.js"))).text();
    expect(chart).toMatch(/^\/\*!\n \* Chart\.js v4\.\d+\.\d+/);
    expect(chart).toContain("Released under the MIT License");
  });
});
