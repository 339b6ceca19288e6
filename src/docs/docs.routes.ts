import { Hono } from "hono";
import type { AppEnv } from "../lib/auth.js";
import { pageSecureHeaders } from "../pages/security.js";
import { serveStaticFile } from "../pages/assets/static-files.js";
import { swaggerUiFiles } from "./swagger-ui.generated.js";

const hash = (name: string) => swaggerUiFiles[name]!.hash;

const page = `<!doctype html>
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
 * The files come from deps.staticFiles: memory on Node, the static assets on Workers.
 */
export const docsRoutes = () =>
  new Hono<AppEnv>()
    .use("/docs", pageSecureHeaders)
    .use("/docs/*", pageSecureHeaders)
    .get("/docs", (c) => c.html(page))
    .get("/docs/:name", (c) => {
      const name = c.req.param("name");
      return serveStaticFile(c, c.var.deps.staticFiles, "docs", swaggerUiFiles[name], name);
    });
