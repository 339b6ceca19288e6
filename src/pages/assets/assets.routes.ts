import { Hono } from "hono";
import type { PageEnv } from "../page-env.js";
import { assets } from "./assets.generated.js";
import { serveStaticFile } from "./static-files.js";

/** The pages' CSS, scripts, icon and Chart.js, from wherever this engine keeps the bodies (deps.staticFiles). */
export const assetRoutes = () =>
  new Hono<PageEnv>().basePath("/assets").get("/:name", (c) => {
    const name = c.req.param("name");
    return serveStaticFile(c, c.var.deps.staticFiles, "assets", assets[name], name);
  });
