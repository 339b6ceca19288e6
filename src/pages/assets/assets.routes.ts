import { Hono } from "hono";
import type { PageEnv } from "../page-env.js";
import { assets } from "./assets.generated.js";

/**
 * Serves the bundled assets from memory. With the current ?v= hash a file is cached for a year
 * (its address changes with its content); without it, the browser revalidates each time.
 */
export const assetRoutes = () =>
  new Hono<PageEnv>().basePath("/assets").get("/:name", (c) => {
    const asset = assets[c.req.param("name")];
    if (!asset) return c.text("Not found", 404);
    const etag = `"${asset.hash}"`;
    const headers: Record<string, string> = {
      "content-type": asset.type,
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
      etag,
      "cache-control": c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(asset.body, 200, headers);
  });
