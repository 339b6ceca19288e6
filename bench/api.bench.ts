/**
 * Throughput and p99 latency over loopback, measured with autocannon in one run:
 * a bare Hono route (the baseline), GET /api/consultations/:id, and the expert's confirm.
 * Reports ratios to the baseline, since absolute numbers vary between machines and runs. The
 * machine is shared: each target runs in several short rounds taken in turn (bare, app, bare, ...),
 * and a ratio is the median of the rounds' ratios, so that a burst of load elsewhere skews one
 * round rather than one target.
 *
 * The server reports its own CPU time and event-loop busy time around each round (GET /__usage on
 * the bare port), so that the table also gives what one request cost the server in CPU and how
 * busy its event loop was: a target whose loop is busy nearly all the round is limited by the
 * server, one that is not (the bare route) by the load generator, which shares the machine's two
 * cores. A second table times the read's parts in the server's process without HTTP.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { median } from "./timing.js";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
const SETTLE_MS = 1000;

interface Ready {
  barePort: number;
  appPort: number;
  memberToken: string;
  readId: string;
  readFloor: { sqlAlone: number; sqlInOpenTransaction: number; repository: number; json: number; bytes: number };
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

interface Usage {
  cpuMicros: number;
  sqliteMicros: number;
  elu: EventLoopUtilization;
}

async function usage(port: number): Promise<Usage> {
  const res = await fetch(`http://127.0.0.1:${port}/__usage`);
  if (!res.ok) throw new Error(`/__usage answered ${res.status}`);
  return (await res.json()) as Usage;
}

/**
 * One round against one target. The server's CPU time is taken from before the round to after the
 * settling pause (a confirmation's work after its answer belongs to it); its event loop's busy share
 * over the round itself.
 */
async function load(opts: autocannon.Options, usagePort: number) {
  const before = await usage(usagePort);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts });
  const ended = await usage(usagePort);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const settled = await usage(usagePort);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
    cpuMicrosPerRequest: (settled.cpuMicros - before.cpuMicros) / Math.max(1, result.requests.total),
    sqliteMicrosPerRequest: (settled.sqliteMicros - before.sqliteMicros) / Math.max(1, result.requests.total),
    busy: performance.eventLoopUtilization(ended.elu, before.elu).utilization,
  };
}

export async function main() {
  const { ready, stop } = await startServer();
  try {
    const auth = { authorization: `Bearer ${ready.memberToken}` };
    // Warm up the JIT and SQLite's page cache on both servers.
    await autocannon({ url: `http://127.0.0.1:${ready.barePort}/bare`, connections: 10, duration: 1 });
    await autocannon({ url: `http://127.0.0.1:${ready.appPort}/api/consultations/${ready.readId}`, headers: auth, connections: 10, duration: 1 });

    let next = 0;
    const confirm: autocannon.Options = {
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
    };
    // The confirmation's code too, as a server that has run a while has it (its first few hundred
    // calls run mostly in the optimising compiler); this spends a few hundred of the links.
    await autocannon({ ...confirm, connections: 10, duration: 1 });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const targets: [string, autocannon.Options][] = [
      ["bare Hono route", { url: `http://127.0.0.1:${ready.barePort}/bare` }],
      // The app's own /healthz: what the middleware chain (request id, auth skip, body limit) costs without a query.
      ["GET /healthz of the app", { url: `http://127.0.0.1:${ready.appPort}/healthz` }],
      ["GET /api/consultations/:id", { url: `http://127.0.0.1:${ready.appPort}/api/consultations/${ready.readId}`, headers: auth }],
      ["POST /api/expert/:secret/confirm", confirm],
    ];
    const rounds: Awaited<ReturnType<typeof load>>[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = [];
      for (const [, opts] of targets) {
        // Both servers share one process: load() lets the requests still in flight (a slow
        // confirmation's queue) finish before the next target, so that they do not slow the bare route's round.
        results.push(await load(opts, ready.barePort));
      }
      rounds.push(results);
    }
    const measured = targets.map(([name], i) => ({
      name,
      rps: median(rounds.map((r) => r[i]!.rps)),
      p99: median(rounds.map((r) => r[i]!.p99)),
      ratio: median(rounds.map((r) => r[i]!.rps / r[0]!.rps)),
      cpu: median(rounds.map((r) => r[i]!.cpuMicrosPerRequest)),
      sqlite: median(rounds.map((r) => r[i]!.sqliteMicrosPerRequest)),
      busy: median(rounds.map((r) => r[i]!.busy)),
      requests: rounds.reduce((n, r) => n + r[i]!.total, 0),
      non2xx: rounds.reduce((n, r) => n + r[i]!.non2xx, 0),
    }));
    const rows = measured.map((m) => ({
      benchmark: m.name,
      "req/s": Math.round(m.rps),
      "p99 ms": m.p99,
      "ratio to bare": m.ratio.toFixed(2),
      "server µs CPU/req": Math.round(m.cpu),
      "of it in SQLite": Math.round(m.sqlite),
      "server loop busy": `${Math.round(100 * m.busy)} %`,
      requests: m.requests,
      "non-2xx": m.non2xx,
    }));
    console.log(
      `\nAPI over loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each, medians (aims: reads ≥ 0.6, confirmations ≥ 0.2 of bare, p99 < 10 ms; confirmations beyond ${ready.confirmations.length} answer 409)`,
    );
    console.table(rows);
    const f = ready.readFloor;
    const us = (x: number) => `${x.toFixed(1)} µs`;
    console.log(`\nGET /api/consultations/:id in the server's process, without HTTP (median of 5 runs; its answer is ${f.bytes} bytes of JSON)`);
    console.table([
      { part: "its SQL statement alone (better-sqlite3, own read transaction)", time: us(f.sqlAlone) },
      { part: "the same inside a read transaction already open", time: us(f.sqlInOpenTransaction) },
      { part: "the repository's read (Kysely, the view made of the row)", time: us(f.repository) },
      { part: "the view as JSON", time: us(f.json) },
    ]);
    type Measured = (typeof measured)[number];
    const [bare, healthz, read, confirmation] = measured as [Measured, Measured, Measured, Measured];
    console.log(
      "\nWhat bounds the two aims, from the figures above. The server's loop is busy nearly all of every round, so a" +
        "\nratio is about the bare route's CPU per request over the target's. The best ratio a target could reach if" +
        "\neverything but the named parts cost nothing; and the least mean wait that 20 requests queued on one loop allow (20 × CPU per request; p99 is above it):",
    );
    console.table([
      {
        target: read.name,
        aim: "≥ 0.60",
        measured: read.ratio.toFixed(2),
        "best possible": (bare.cpu / (healthz.cpu + read.sqlite)).toFixed(2),
        "if only these cost": "the app's /healthz (HTTP, request id, routing) + the read's SQLite time",
        "least mean wait ms": ((CONNECTIONS * read.cpu) / 1000).toFixed(1),
      },
      {
        target: confirmation.name,
        aim: "≥ 0.20",
        measured: confirmation.ratio.toFixed(2),
        "best possible": (bare.cpu / confirmation.sqlite).toFixed(2),
        "if only these cost": "the confirmation's SQLite time (its statements, commits and WAL writes)",
        "least mean wait ms": ((CONNECTIONS * confirmation.cpu) / 1000).toFixed(1),
      },
    ]);
    return { rows, readFloor: f };
  } finally {
    stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
