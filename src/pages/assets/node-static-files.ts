import type { StaticFiles } from "./static-files.js";

/**
 * Node: the bodies from the generated modules, loaded on the first file asked for (Swagger UI's
 * script alone is 1.4 MB). Never imported by the Worker, which reads its static assets instead.
 */
export const nodeStaticFiles: StaticFiles = {
  async read(path) {
    const [{ assetBodies }, { swaggerUiBodies }] = await Promise.all([import("./asset-bodies.generated.js"), import("../../docs/swagger-ui-bodies.generated.js")]);
    return assetBodies[path] ?? swaggerUiBodies[path] ?? null;
  },
};
