/**
 * The server side of bench/api.bench.ts, run as a child process so that the load generator
 * does not share its event loop: the real app over a SQLite file, and a bare Hono route as
 * the baseline, in the same process on two ports. Prints one JSON line when ready, with the
 * read's parts timed in process (readFloor). `GET /__usage` on the bare port answers the
 * process's CPU time and event-loop busy time, so that the bench can say what each request
 * cost the server and whether the server or the load generator was the limit.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { requestConsultation } from "../src/consultations/request-consultation.js";
import { createConsultation } from "../src/consultations/consultations.service.js";
import { createExpert, createOrganisation } from "../src/directory/directory.service.js";
import { addMember, createGroup } from "../src/groups/groups.service.js";
import { silentLogger } from "../src/lib/log.js";
import { buildNodeDeps } from "../src/node-deps.js";
import { afterAnswerQueue, drainingAfterAnswer } from "../src/lib/after-answer.js";
import { createTheme } from "../src/themes/themes.service.js";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { consultationInGroupQuery, findConsultation } from "../src/consultations/consultations.repo.js";
import { createBrief, createTopic } from "../src/topics/topics.service.js";
import { timeMs } from "./timing.js";

const CONFIRMABLE = Number(process.env.BENCH_CONFIRMABLE ?? 4000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "samrad-bench-"));
  const dbPath = join(dir, "bench.sqlite");
  // Exit on SIGTERM rather than die of it: the bench's database goes, and `node --cpu-prof` writes its profile.
  process.on("SIGTERM", () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  const config = loadConfig({ DATABASE_PATH: dbPath, LOG_LEVEL: "silent", PORT: "0" });
  // As `npm start` has it: mail and webhooks (none are configured here) would go after the answer.
  const afterAnswer = afterAnswerQueue();
  const { deps } = await buildNodeDeps(config, { log: silentLogger, afterAnswer });
  const coord = { role: "coordinator" as const, tokenId: "bench" };
  const org = await createOrganisation(deps, coord, {
    name: "Nordic Welfare Centre",
    country: "SE",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
  });
  await createTheme(deps, coord, { nameEn: "Elderly care", nameFi: "Ikääntyneiden palvelut", nameSv: "Äldreomsorg" });
  const expert = await createExpert(deps, coord, {
    organisationId: org.id,
    name: "Bench Expert",
    email: "bench.expert@example.org",
    languages: ["sv"],
    timeZone: "Europe/Stockholm",
    themes: ["elderly care"],
  });
  const group = await createGroup(deps, coord, { name: "Bench group", organisation: "Example municipality" });
  const member = await addMember(deps, coord, group.id, { name: "Bench Member", email: "bench.member@example.fi" });
  if (!expert.ok || !member.ok) throw new Error("seeding failed");
  const principal = { role: "member" as const, tokenId: "bench", memberId: member.value.id, groupId: group.id };
  const created = await createTopic(deps, principal, { title: "Customer choice", theme: "elderly care", description: "Bench" });
  if (!created.ok) throw new Error("seeding failed");
  const topic = created.value;
  const brief = await createBrief(deps, principal, topic.id, { challenge: "How?", questions: ["What works?"], language: "sv" });
  if (!brief.ok) throw new Error("seeding failed");

  const day = new Date(Date.now() + 14 * 86_400_000);
  day.setUTCHours(8, 0, 0, 0);
  const slots = [{ start: day.toISOString() }, { start: new Date(day.getTime() + 3_600_000).toISOString() }];
  const secrets: { secret: string; slotId: string }[] = [];
  let readId = "";
  for (let i = 0; i < CONFIRMABLE; i++) {
    const c = await createConsultation(deps, principal, { topicId: topic.id, briefId: brief.value.id, expertId: expert.value.id, durationMinutes: 45, slots });
    if (!c.ok) throw new Error(c.message);
    const r = await requestConsultation(deps, principal, c.value.id);
    if (!r.ok) throw new Error(r.message);
    secrets.push({ secret: r.value.expertLink.split("/e/")[1]!, slotId: c.value.slots[0]!.id });
    readId = c.value.id;
  }

  const app = createApp(deps);
  const readFloor = await timeTheRead(dbPath, deps, readId, group.id);
  // Counted from here on: the load's statements, not the seeding's, nor the read's parts timed just above.
  const sqlite = timeSqliteStatements();
  const bare = new Hono()
    .get("/bare", (c) => c.json({ status: "ok" }))
    .get("/__usage", (c) => {
      const cpu = process.cpuUsage();
      return c.json({ cpuMicros: cpu.user + cpu.system, sqliteMicros: sqlite.micros(), elu: performance.eventLoopUtilization() });
    });
  const listen = (fetch: (r: Request) => Response | Promise<Response>) =>
    new Promise<number>((resolve) => serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port)));
  const barePort = await listen(bare.fetch);
  const appPort = await listen(drainingAfterAnswer(app.fetch, afterAnswer));
  console.log(JSON.stringify({ barePort, appPort, memberToken: member.value.token, readId, readFloor, confirmations: secrets }));
}

/**
 * Adds up the time spent inside SQLite's statements (every run, all, get and iterate, with the
 * BEGIN and COMMIT of a batch, which better-sqlite3 runs as statements too), so that the bench can
 * say how much of a request's CPU time the database itself takes. Bench only: it wraps the
 * methods of better-sqlite3's statement class in this process.
 */
function timeSqliteStatements() {
  let total = 0;
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ["run", "all", "get", "iterate"]) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        total += performance.now() - start;
      }
    };
  }
  return { micros: () => Math.round(total * 1000) };
}

/** Microseconds per call of f: the median of five runs of n/5 calls, after a warm-up run. */
async function microsPer(f: () => unknown, n = 20_000): Promise<number> {
  const perRun = n / 5;
  const { median } = await timeMs(5, async () => {
    for (let i = 0; i < perRun; i++) await f();
  });
  return (median * 1000) / perRun;
}

/**
 * What GET /api/consultations/:id does, piece by piece, in this process without HTTP: its one
 * SQL statement through better-sqlite3 alone (on a second connection to the same file), the same
 * inside a read transaction already open (the difference is what beginning and ending a read
 * costs in WAL mode: two file-lock calls), the repository's read through Kysely with the view
 * made of the row, and that view as JSON.
 */
async function timeTheRead(dbPath: string, deps: Awaited<ReturnType<typeof buildNodeDeps>>["deps"], id: string, groupId: string) {
  const query = consultationInGroupQuery(deps.db, id, groupId);
  const raw = new Database(dbPath, { readonly: true });
  try {
    const statement = raw.prepare(query.sql);
    const params = query.parameters as unknown[];
    if (statement.all(...params).length !== 1) throw new Error("the read's statement found no row");
    const sqlAlone = await microsPer(() => statement.all(...params));
    raw.exec("BEGIN");
    const sqlInOpenTransaction = await microsPer(() => statement.all(...params));
    raw.exec("COMMIT");
    const now = new Date();
    const repository = await microsPer(() => findConsultation(deps.db, id, groupId, now));
    const view = await findConsultation(deps.db, id, groupId, now);
    const json = await microsPer(() => JSON.stringify(view));
    return { sqlAlone, sqlInOpenTransaction, repository, json, bytes: JSON.stringify(view).length };
  } finally {
    raw.close();
  }
}


main().catch((err) => {
  console.error(err);
  process.exit(1);
});
