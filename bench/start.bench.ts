/**
 * Start-up: how long `npm start` takes to answer its first request on a migrated database, and the
 * CLI to finish a command, against a bare Node HTTP server started the same way in the same run
 * (the machine is shared, so only ratios compare), and against the former way of running from the
 * TypeScript sources with tsx. Also the Worker's gzipped size, from scripts/check-worker-bundle.sh.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const BARE = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from spawning `command` until GET /healthz (or /) answers. */
async function firstResponse(command: string[], env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  // Its own process group, so that npm's child node goes with it.
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        await res.arrayBuffer();
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
}

function timed(command: string[], env: Record<string, string>): number {
  const started = performance.now();
  execFileSync(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  return performance.now() - started;
}

export async function main() {
  const dir = mkdtempSync(join(tmpdir(), "samrad-bench-start-"));
  const env = { DATABASE_PATH: join(dir, "samrad.sqlite"), LOG_LEVEL: "silent" };
  try {
    // A fresh build and a migrated database: the start measured is a user's second and later start.
    execFileSync(process.execPath, ["scripts/node-build.mjs"], { cwd: root, stdio: "ignore" });
    execFileSync("npm", ["run", "--silent", "cli", "--", "migrate"], { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
    const port = 18_900 + (process.pid % 50);
    const servers: [string, string[]][] = [
      ["bare node:http server, via node", [process.execPath, "-e", BARE]],
      ["npm start (built ahead, this branch)", ["npm", "start", "--silent"]],
      ["node scripts/start.mjs (without npm)", [process.execPath, "scripts/start.mjs"]],
      ["node --import tsx src/entry.node.ts (before)", [process.execPath, "--import", "tsx", "src/entry.node.ts"]],
    ];
    const startRows = [];
    let bare = 0;
    for (const [name, command] of servers) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await firstResponse(command, env, port));
      const ms = median(times);
      if (!bare) bare = ms;
      startRows.push({ start: name, "first response ms (median)": Math.round(ms), "ratio to bare node": (ms / bare).toFixed(1) });
    }
    const cli: [string, string[]][] = [
      ["node -e '' (bare)", [process.execPath, "-e", ""]],
      ["npm run cli -- migrate", ["npm", "run", "--silent", "cli", "--", "migrate"]],
      ["node --import tsx src/cli.ts migrate (before)", [process.execPath, "--import", "tsx", "src/cli.ts", "migrate"]],
    ];
    let bareCli = 0;
    const cliRows = cli.map(([name, command]) => {
      const ms = median(Array.from({ length: RUNS }, () => timed(command, env)));
      if (!bareCli) bareCli = ms;
      return { command: name, "ms (median)": Math.round(ms), "ratio to bare node": (ms / bareCli).toFixed(1) };
    });
    console.log(`\nStart on a migrated database, ${RUNS} runs each (aim: npm start answers within 1 s)`);
    console.table(startRows);
    console.table(cliRows);
    const bundle = execFileSync("bash", ["scripts/check-worker-bundle.sh"], { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
    console.log(bundle.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
