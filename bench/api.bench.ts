/**
 * Throughput and p99 latency over loopback, measured with autocannon in one run:
 * a bare Hono route (the baseline), GET /api/consultations/:id, and the expert's confirm.
 * Reports ratios to the baseline, since absolute numbers vary between machines and runs.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

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

    const bare = await load("bare Hono route", { url: `http://127.0.0.1:${ready.barePort}/bare` });
    // The app's own /healthz: what the middleware chain (request id, auth skip, body limit) costs without a query.
    const health = await load("GET /healthz of the app", { url: `http://127.0.0.1:${ready.appPort}/healthz` });
    const read = await load("GET /api/consultations/:id", { url: `http://127.0.0.1:${ready.appPort}/api/consultations/${ready.readId}`, headers: auth });
    let next = 0;
    const confirm = await load("POST /api/expert/:secret/confirm", {
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
    });
    const rows = [bare, health, read, confirm].map((r) => ({
      benchmark: r.name,
      "req/s": Math.round(r.rps),
      "p99 ms": r.p99,
      "ratio to bare": (r.rps / bare.rps).toFixed(2),
      requests: r.total,
      "non-2xx": r.non2xx,
    }));
    console.log(`\nAPI over loopback, ${CONNECTIONS} connections, ${DURATION_S} s each (confirmations beyond ${ready.confirmations.length} answer 409)`);
    console.table(rows);
    return rows;
  } finally {
    stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
