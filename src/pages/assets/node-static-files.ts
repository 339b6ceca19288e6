import type { StaticFiles } from "./static-files.js";

/**
 * Node: the bodies from the generated modules, each module loaded on the first file asked for
 * from it: Swagger UI's (its script alone is 1.4 MB) only for `docs/`, so a page's stylesheet
 * does not parse it. Never imported by the Worker, which reads its static assets instead.
 */
export const nodeStaticFiles: StaticFiles = {
  async read(path) {
    if (path.startsWith("docs/")) return (await import("../../docs/swagger-ui-bodies.generated.js")).swaggerUiBodies[path] ?? null;
    return (await import("./asset-bodies.generated.js")).assetBodies[path] ?? null;
  },
};
