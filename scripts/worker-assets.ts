/**
 * Writes the Worker's static assets (wrangler.toml [assets], build/worker-assets/): the bodies of the
 * pages' assets and of Swagger UI from the generated modules Node serves them from, so both engines
 * serve the same bytes under the same hashes. Static assets are uploaded beside the Worker and do not
 * count towards its size. Runs as wrangler's [build] command (dev, deploy, the bundle check) and
 * before the Workers tests (vitest.config.ts); by hand: `node --import tsx scripts/worker-assets.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { swaggerUiBodies } from "../src/docs/swagger-ui-bodies.generated.js";
import { assetBodies } from "../src/pages/assets/asset-bodies.generated.js";

export const workerAssetsDir = fileURLToPath(new URL("../build/worker-assets", import.meta.url));

/** Brings the folder in line with the bodies; a file already right is left alone (a running wrangler dev may be reading it). */
export function writeWorkerAssets(dir = workerAssetsDir): void {
  const bodies: Record<string, string> = { ...assetBodies, ...swaggerUiBodies };
  for (const [path, body] of Object.entries(bodies)) {
    const file = join(dir, path);
    if (existsSync(file) && readFileSync(file, "utf8") === body) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isFile() && !(path in bodies)) rmSync(join(dir, path));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeWorkerAssets();
