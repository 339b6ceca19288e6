/**
 * The Node server and the CLI, compiled ahead of time: compiling the TypeScript at every start
 * (tsx) took most of the 2.6 s before the first answer. esbuild turns src/ into two ES modules
 * under build/node/ in well under a second; `npm install` builds them (the `prepare` script)
 * and `npm start` / `npm run cli` rebuild first when a source is newer, so editing src/ and
 * starting again just works. Dependencies stay in node_modules (not bundled): they are plain
 * JavaScript already, and better-sqlite3 is a native module that cannot be bundled.
 *
 *   node scripts/node-build.mjs          build if stale (quietly)
 *   node scripts/node-build.mjs --force  build now
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Two folders deep, like src/db/: src/db/migrate-sqlite.ts finds ../../migrations from its own URL.
export const outDir = join(root, "build", "node");
const entries = { "entry.node": "src/entry.node.ts", cli: "src/cli.ts", ...staticBodies() };
/**
 * The bodies of the pages' assets and Swagger UI (2.1 MB, read on the first request for one): modules
 * of their own beside the entries, so that starting the server or a CLI command does not parse them.
 */
function staticBodies() {
  return { "asset-bodies": "src/pages/assets/asset-bodies.generated.ts", "swagger-ui-bodies": "src/docs/swagger-ui-bodies.generated.ts" };
}

/** src/pages/assets/node-static-files.ts imports the bodies lazily: point it at the built modules beside it. */
const bodiesApart = {
  name: "static-bodies-apart",
  setup(build) {
    build.onResolve({ filter: /(asset-bodies|swagger-ui-bodies)\.generated\.js$/ }, (args) => {
      if (args.kind !== "dynamic-import") return undefined;
      const name = args.path.match(/(asset-bodies|swagger-ui-bodies)/)[1];
      return { path: `./${name}.mjs`, external: true };
    });
  },
};

/** What a build depends on: a newer file here makes the built modules stale. */
const inputs = ["src", "package.json", "package-lock.json", "tsconfig.json", fileURLToPath(import.meta.url)];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as its folder's change
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function builtAt() {
  let oldest = Infinity;
  for (const name of Object.keys(entries)) {
    const stat = statSync(join(outDir, `${name}.mjs`), { throwIfNoEntry: false });
    if (!stat) return 0;
    oldest = Math.min(oldest, stat.mtimeMs);
  }
  return oldest;
}

export function isStale() {
  const built = builtAt();
  return built === 0 || inputs.some((input) => newestMtime(join(root, input)) > built);
}

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(root, src)])),
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Native and loaded by path at run time: stays in node_modules.
    external: ["better-sqlite3"],
    plugins: [bodiesApart],
    // CommonJS dependencies call require(); an ES module has none unless given one.
    banner: { js: 'import { createRequire as __samradRequire } from "node:module"; const require = __samradRequire(import.meta.url);' },
    platform: "node",
    format: "esm",
    target: "node20",
    // Less source for V8 to parse at start: parsing was most of the remaining start-up time.
    minify: true,
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    sourcemap: "linked",
    write: false,
    logLevel: "error",
  });
  mkdirSync(outDir, { recursive: true });
  // Written beside and renamed, so a process starting meanwhile never imports half a file.
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

/** Builds when stale, then runs one of the built entries (as `npm start` and `npm run cli` do). */
export async function run(name) {
  if (isStale()) await build();
  await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--force") || isStale()) await build();
}
