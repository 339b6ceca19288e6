import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedPaths, generateSwaggerUiModules } from "../../src/docs/bundle-swagger-ui.js";
import { testApp } from "../helpers/test-app.js";

describe("/docs", () => {
  it("serves Swagger UI from the installed swagger-ui-dist (the generated module is up to date)", () => {
    const fresh = generateSwaggerUiModules();
    expect(readFileSync(generatedPaths.manifest, "utf8") === fresh.manifest, "run: npx tsx src/docs/bundle-swagger-ui.ts").toBe(true);
    expect(readFileSync(generatedPaths.bodies, "utf8") === fresh.bodies, "run: npx tsx src/docs/bundle-swagger-ui.ts").toBe(true);
  });

  it("is a page of the service's own files under the pages' Content Security Policy", async () => {
    const t = await testApp();
    const page = await t.call("GET", "/docs");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      expect(source.startsWith("/docs/")).toBe(true);
      const asset = await t.call("GET", source);
      expect(asset.status, source).toBe(200);
      expect(asset.headers.get("cache-control")).toContain("immutable");
    }
    expect((await t.call("GET", "/docs/nothing.js")).status).toBe(404);
    await t.close();
    // The first visit loads the 1.7 MB script module: slow on a busy machine.
  }, 120_000);
});
