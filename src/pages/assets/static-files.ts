import type { Context } from "hono";

/** What the app knows of a static file without its body: enough to link to it and to answer for it. */
export interface StaticFileInfo {
  type: string;
  /** The first 12 hex digits of the body's SHA-256: the `?v=` of its address. */
  hash: string;
}

/**
 * Where the bodies of the pages' assets (`assets/…`) and Swagger UI's files (`docs/…`) come from.
 * Node reads them from the generated modules (./node-static-files.ts); the Worker from its static
 * assets binding (./worker-static-files.ts), because bundled they would be a fifth of its size.
 */
export interface StaticFiles {
  /** The body of `folder/name` ("assets/styles.css"), or null when there is none. */
  read(path: string): Promise<BodyInit | null>;
}

/** A body per `folder/name`, written out as the Worker's static assets by scripts/worker-assets.ts. */
export type StaticBodies = Record<string, string>;

/**
 * Answers for one static file: with the current ?v= hash it is cached for a year (its address
 * changes with its content); without it, the browser revalidates each time (ETag, 304).
 */
export async function serveStaticFile(c: Context, files: StaticFiles, folder: string, info: StaticFileInfo | undefined, name: string) {
  if (!info) return c.text("Not found", 404);
  const etag = `"${info.hash}"`;
  const headers: Record<string, string> = {
    "content-type": info.type,
    "x-content-type-options": "nosniff",
    "cross-origin-resource-policy": "same-origin",
    etag,
    "cache-control": c.req.query("v") === info.hash ? "public, max-age=31536000, immutable" : "no-cache",
  };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  const body = await files.read(`${folder}/${name}`);
  if (body === null) return c.text("Not found", 404);
  return c.body(body as string, 200, headers);
}

/** Without a source of bodies (a test that never serves a file): every file is not found. */
export const noStaticFiles: StaticFiles = { read: async () => null };
