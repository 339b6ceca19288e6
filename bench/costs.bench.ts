/**
 * Statements and round trips (a batch is one) of the main API routes and pages, on SQLite in
 * process and on D1 inside workerd (wrangler's unstable_dev: the Worker bundled as for deploy, with
 * a local D1 in a temporary folder, offline), and what a user would wait for them at a given
 * latency per round trip (BENCH_LATENCY_MS, 10 ms: a Worker far from its database). On D1 queries
 * sent together (Promise.all) overlap, so its wait counts only round trips that began alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unstable_dev, unstable_splitSqlQuery } from "wrangler";
import { cookiesOf, measureRouteCosts, requestFor, ROUND_TRIP_AIMS, type CostTarget, type RouteCost } from "../tests/helpers/route-costs.js";
import { sqliteCostTarget } from "../tests/helpers/sqlite-cost-target.js";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10);
const root = new URL("..", import.meta.url).pathname;

async function d1Costs(): Promise<RouteCost[]> {
  const persistTo = mkdtempSync(join(tmpdir(), "samrad-bench-d1-"));
  const worker = await unstable_dev(join(root, "bench/d1-worker.ts"), {
    config: join(root, "wrangler.toml"),
    persistTo,
    ip: "127.0.0.1",
    vars: { LOG_LEVEL: "silent", PUBLIC_BASE_URL: "http://samrad.test" },
    logLevel: "error",
    experimental: { disableExperimentalWarning: true, testMode: true },
  });
  try {
    const migrations = join(root, "migrations");
    const statements = readdirSync(migrations)
      .filter((f) => /^\d{4}_.+\.sql$/.test(f))
      .sort()
      .flatMap((f) => unstable_splitSqlQuery(readFileSync(join(migrations, f), "utf8")));
    const migrated = await worker.fetch("/__bench/migrate", { method: "POST", body: JSON.stringify(statements) });
    if (!migrated.ok) throw new Error(`migrating the local D1 failed: ${await migrated.text()}`);
    const target: CostTarget = {
      now: () => new Date(),
      coordinatorToken: async () => ((await (await worker.fetch("/__bench/coordinator")).json()) as { token: string }).token,
      async send(method, path, init) {
        const request = requestFor(`http://samrad.test${path}`, method, init);
        const body = request.body ? await request.text() : undefined;
        const res = await worker.fetch(path, { method, headers: Object.fromEntries(request.headers), body, redirect: "manual" });
        const text = await res.text();
        const n = (name: string) => Number(res.headers.get(`x-bench-${name}`) ?? NaN);
        return {
          status: res.status,
          text,
          cookies: cookiesOf(res as unknown as Response),
          body: (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text,
          counts: { statements: n("statements"), roundTrips: n("round-trips"), sequential: n("sequential") },
        };
      },
    };
    return await measureRouteCosts(target);
  } finally {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

export async function main(): Promise<{ sqlite: RouteCost[]; d1: RouteCost[] }> {
  const local = sqliteCostTarget();
  const sqlite = await measureRouteCosts(local).finally(() => local.close());
  const started = performance.now();
  const d1 = await d1Costs();
  const rows = sqlite.map((s) => {
    const d = d1.find((r) => r.route === s.route)!;
    const aim = ROUND_TRIP_AIMS[s.kind];
    return {
      route: s.route,
      "SQLite stmts/trips": `${s.statements}/${s.roundTrips}`,
      "D1 stmts/trips": `${d.statements}/${d.roundTrips}`,
      [`wait at ${LATENCY_MS} ms`]: `${(d.sequential ?? d.roundTrips) * LATENCY_MS} ms`,
      [`all trips in a row`]: `${d.roundTrips * LATENCY_MS} ms`,
      aim: `≤ ${aim}`,
      met: d.roundTrips <= aim && s.roundTrips <= aim ? "yes" : "NO",
    };
  });
  console.log(`\nStatements and round trips per request (a batch is one), warm; D1 inside workerd (local D1), measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.table(rows);
  return { sqlite, d1 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
