/**
 * Throughput and p99 latency over loopback, measured with autocannon in one run:
 * a bare Hono route (the baseline), GET /api/consultations/:id, and the expert's confirm.
 * Reports ratios to the baseline, since absolute numbers vary between machines and runs. The
 * machine is shared: each target runs in several short rounds taken in turn (bare, app, bare, ...),
 * and a ratio is the median of the rounds' ratios, so that a burst of load elsewhere skews one
 * round rather than one target.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
const SETTLE_MS = 1000;

interface Ready {
  barePort: number;
  appPort: number;
  memberToken: string;
  readId: string;
  confirmations: { secret: string; slotId: string }[];
}

async function startServer(): Promise<{ ready: Ready; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./api-server.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<Ready>((resolve, reject) => {
    lines.once("line", (l) => resolve(JSON.parse(l) as Ready));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { ready, stop: () => child.kill("SIGTERM") };
}

async function load(name: string, opts: autocannon.Options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts });
  const non2xx = result.non2xx;
  return { name, rps: result.requests.average, p99: result.latency.p99, non2xx, total: result.requests.total };
}

export async function main() {
  const { ready, stop } = await startServer();
  try {
    const auth = { authorization: `Bearer ${ready.memberToken}` };
    // Warm up the JIT and SQLite's page cache on both servers.
    await autocannon({ url: `http://127.0.0.1:${ready.barePort}/bare`, connections: 10, duration: 1 });
    await autocannon({ url: `http://127.0.0.1:${ready.appPort}/api/consultations/${ready.readId}`, headers: auth, connections: 10, duration: 1 });

    let next = 0;
    const targets: [string, autocannon.Options][] = [
      ["bare Hono route", { url: `http://127.0.0.1:${ready.barePort}/bare` }],
      // The app's own /healthz: what the middleware chain (request id, auth skip, body limit) costs without a query.
      ["GET /healthz of the app", { url: `http://127.0.0.1:${ready.appPort}/healthz` }],
      ["GET /api/consultations/:id", { url: `http://127.0.0.1:${ready.appPort}/api/consultations/${ready.readId}`, headers: auth }],
      [
        "POST /api/expert/:secret/confirm",
        {
          url: `http://127.0.0.1:${ready.appPort}`,
          requests: [
            {
              method: "POST",
              setupRequest: (req) => {
                const c = ready.confirmations[next++ % ready.confirmations.length]!;
                return { ...req, path: `/api/expert/${c.secret}/confirm`, headers: { "content-type": "application/json" }, body: JSON.stringify({ slotId: c.slotId }) };
              },
            },
          ],
        },
      ],
    ];
    const rounds: Awaited<ReturnType<typeof load>>[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = [];
      for (const [name, opts] of targets) {
        results.push(await load(name, opts));
        // Both servers share one process: let the requests still in flight (a slow confirmation's
        // queue) finish before the next target, so that they do not slow the bare route's round.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
      rounds.push(results);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rows = targets.map(([name], i) => ({
      benchmark: name,
      "req/s": Math.round(median(rounds.map((r) => r[i]!.rps))),
      "p99 ms": median(rounds.map((r) => r[i]!.p99)),
      "ratio to bare": median(rounds.map((r) => r[i]!.rps / r[0]!.rps)).toFixed(2),
      requests: rounds.reduce((n, r) => n + r[i]!.total, 0),
      "non-2xx": rounds.reduce((n, r) => n + r[i]!.non2xx, 0),
    }));
    console.log(
      `\nAPI over loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each, medians (aims: reads ≥ 0.6, confirmations ≥ 0.2 of bare, p99 < 10 ms; confirmations beyond ${ready.confirmations.length} answer 409)`,
    );
    console.table(rows);
    return rows;
  } finally {
    stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
