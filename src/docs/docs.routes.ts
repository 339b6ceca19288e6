import { Hono } from "hono";
import { pageSecureHeaders } from "../pages/security.js";

/** Loaded on the first visit to /docs: the script is large, and most processes never serve it. */
const loadAssets = async () => (await import("./swagger-ui.generated.js")).swaggerUiAssets;

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
      const assets = await loadAssets();
      return c.html(page((name) => assets[name]!.hash));
    })
    .get("/docs/:name", async (c) => {
      const asset = (await loadAssets())[c.req.param("name")];
      if (!asset) return c.text("Not found", 404);
      return c.body(asset.body, 200, {
        "content-type": asset.type,
        "x-content-type-options": "nosniff",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache",
      });
    });
