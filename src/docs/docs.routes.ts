import { Hono } from "hono";
import { pageSecureHeaders } from "../pages/security.js";

import type { Asset } from "../pages/assets/assets.generated.js";

type AssetLoader = () => Promise<Record<string, Asset>>;
let loadAssets: AssetLoader | null = null;

/**
 * Turns /docs on, with Swagger UI loaded on the first visit. Called by the Node entry (and Node
 * tests) only: Swagger UI's 450 KiB (gzip) would more than double the Worker's bundle, so on
 * Workers /docs points to /openapi.json instead.
 */
export function serveSwaggerUi(loader: AssetLoader): void {
  loadAssets = loader;
}

/** Swagger UI's files, for serveSwaggerUi on Node. Kept out of any module the Worker imports. */
export type { AssetLoader };

const page = (hash: (name: string) => string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samråd API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css?v=${hash("swagger-ui.css")}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js?v=${hash("swagger-ui-bundle.js")}"></script>
<script src="/docs/docs-init.js?v=${hash("docs-init.js")}"></script>
</body>
</html>`;

/**
 * The interactive API documentation: Swagger UI from the swagger-ui-dist package, served by the
 * service itself under the pages' Content Security Policy, so that nothing loads from elsewhere.
 */
export const docsRoutes = () =>
  new Hono()
    .use("/docs", pageSecureHeaders)
    .use("/docs/*", pageSecureHeaders)
    .get("/docs", async (c) => {
      if (!loadAssets) return c.text("The interactive documentation is served by the Node build; the API document is at /openapi.json", 404);
      const assets = await loadAssets();
      return c.html(page((name) => assets[name]!.hash));
    })
    .get("/docs/:name", async (c) => {
      const asset = loadAssets ? (await loadAssets())[c.req.param("name")] : undefined;
      if (!asset) return c.text("Not found", 404);
      return c.body(asset.body, 200, {
        "content-type": asset.type,
        "x-content-type-options": "nosniff",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache",
      });
    });
