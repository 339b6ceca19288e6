/**
 * The pages' assets and /docs on workerd: the bodies come from the static assets binding (not the
 * Worker's bundle), under the same addresses, hashes and headers as on Node.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { assetUrl } from "../../src/pages/assets/asset-urls.js";

const get = (path: string, headers: Record<string, string> = {}) => SELF.fetch(new URL(path, "http://samrad.test").href, { headers });

async function hashOf(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 12);
}

describe("static files on Workers", () => {
  it("serves /docs, Swagger UI's page, and each file it loads with the body its address names", async () => {
    const page = await get("/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.map((s) => s.split("?")[0])).toEqual(["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs-init.js"]);
    for (const source of sources) {
      const file = await get(source);
      expect(file.status, source).toBe(200);
      expect(file.headers.get("cache-control"), source).toContain("immutable");
      expect(await hashOf(await file.arrayBuffer()), source).toBe(new URL(source, "http://x").searchParams.get("v"));
    }
    const bundle = await (await get(sources[1]!)).text();
    expect(bundle).toContain("SwaggerUIBundle");
    expect((await get("/docs/nothing.js")).status).toBe(404);
  });

  it("serves the pages' styles and Chart.js, revalidates by ETag and knows no other file", async () => {
    const styles = await get(assetUrl("styles.css"));
    expect(styles.status).toBe(200);
    expect(styles.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(styles.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await hashOf(await styles.arrayBuffer())).toBe(new URL(assetUrl("styles.css"), "http://x").searchParams.get("v"));
    const revalidated = await get("/assets/styles.css", { "if-none-match": styles.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    const chart = await (await get(assetUrl("chart.umd.min.js"))).text();
    expect(chart).toMatch(/^\/\*!\n \* Chart\.js v4\.\d+\.\d+/);
    // The folder is served only through the Worker's routes: a file there under another path is not.
    expect((await get("/docs/styles.css")).status).toBe(404);
    expect((await get("/assets/nothing.js")).status).toBe(404);
  });
});
