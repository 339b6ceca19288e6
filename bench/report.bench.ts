/**
 * The concept report over 100,000 consultations and 400,000 evaluations in SQLite, timed against
 * one grouped SQL pass over the same evaluations in the same run (issue 16 aims at 2 times at most),
 * and against a plain `SELECT count(*) FROM evaluations` (issue 4 aimed at 20 times at most).
 * Run alone with `npx tsx bench/report.bench.ts`, or with the others through `npm run bench`.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { connectSqlite, type SqliteHandle } from "../src/db/connect-sqlite.js";
import { migrateSqlite } from "../src/db/migrate-sqlite.js";
import { seededRandom } from "../src/demo/seeded-random.js";
import { fixedClock } from "../src/lib/clock.js";
import { buildConceptReportFromAggregates } from "../src/reports/concept-model.js";
import { loadReportAggregates } from "../src/reports/report-aggregates.repo.js";
import { reportRowStatements } from "../src/reports/report-rows.js";
import { conceptReport } from "../src/reports/reports.service.js";
import { timeMs } from "./timing.js";

const CONSULTATIONS = 100_000;
const EVALUATED = 80_000; // each with 4 member evaluations and 1 expert evaluation: 400,000
const MEMBERS_PER_GROUP = 4;
const NOW = "2027-06-01T08:00:00.000Z";
const THEMES = [
  "child protection",
  "preventive family work",
  "early childhood education",
  "elderly care",
  "disability services",
  "mental health and substance abuse",
  "housing for people with mental-health disabilities",
  "adult social work",
  "immigrant integration",
  "NGO-public cooperation",
  "Sámi social work",
  "client participation",
  "welfare indicators",
  "social-work leadership",
  "trust-based social work",
];
const COUNTRIES = ["FI", "SE", "NO", "DK", "IS", "FO", "GL", "AX"];
const FITS = ["too_short", "right", "right", "right", "too_long"];

const iso = (ms: number) => new Date(ms).toISOString();
const id = (kind: string, n: number) => `${kind}-${String(n).padStart(8, "0")}`;

/** Bulk insert with prepared statements in one transaction per table group: seconds, not minutes. */
function fill(handle: SqliteHandle) {
  const raw = handle.raw;
  // Seeded, so every run measures the same data.
  const rnd = seededRandom(42);
  const now = Date.parse(NOW);
  const created = "2025-01-01T00:00:00.000Z";
  const insert = (table: string, columns: string[]) =>
    raw.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map(() => "?").join(",")})`);

  raw.transaction(() => {
    const org = insert("organisations", ["id", "name", "country", "nationallySignificant", "innovative", "evidenceBased", "createdAt"]);
    COUNTRIES.forEach((country, i) => org.run(id("org", i), `Bench organisation ${country}`, country, 1, 0, 1, created));
    const expert = insert("experts", ["id", "organisationId", "name", "email", "languages", "themes", "timeZone", "createdAt"]);
    for (let i = 0; i < 200; i++) expert.run(id("exp", i), id("org", i % COUNTRIES.length), `Expert ${i}`, `e${i}@example.org`, '["sv"]', "[]", "Europe/Stockholm", created);
    const group = insert("dev_groups", ["id", "name", "organisation", "createdAt"]);
    const member = insert("group_members", ["id", "groupId", "name", "email", "createdAt"]);
    const topic = insert("topics", ["id", "groupId", "title", "theme", "description", "createdAt"]);
    const brief = insert("briefs", ["id", "topicId", "groupId", "challenge", "language", "createdAt"]);
    const question = insert("brief_questions", ["briefId", "position", "text"]);
    for (let g = 0; g < 500; g++) {
      group.run(id("grp", g), `Group ${g}`, "Bench county", created);
      for (let m = 0; m < MEMBERS_PER_GROUP; m++) member.run(id("mem", g * MEMBERS_PER_GROUP + m), id("grp", g), `Member ${m}`, `m${g}.${m}@example.fi`, created);
      for (let k = 0; k < 4; k++) {
        const n = g * 4 + k;
        topic.run(id("top", n), id("grp", g), `Topic ${n}`, THEMES[n % THEMES.length], "Bench topic", created);
        brief.run(id("brf", n), id("top", n), id("grp", g), "x".repeat(rnd.int(100, 1900)), "sv", created);
        const questions = rnd.int(1, 7);
        for (let q = 0; q < questions; q++) question.run(id("brf", n), q, `Question ${q}`);
      }
    }
  })();

  raw.transaction(() => {
    const consultation = insert("consultations", [
      "id", "groupId", "topicId", "briefId", "expertId", "durationMinutes", "status", "confirmedSlotId",
      "requestedAt", "confirmedAt", "changeId", "createdAt", "updatedAt", "followUpOf", "fundingSource", "actualMinutes",
    ]);
    const slot = insert("proposed_slots", ["id", "consultationId", "round", "start", "end"]);
    const evaluation = insert("evaluations", [
      "id", "consultationId", "side", "authorId", "usefulness", "preparation", "technicalQuality", "durationFit",
      "actualMinutes", "wouldRecommend", "followUpInterest", "submittedAt", "updatedAt",
    ]);
    const tail: [string, number][] = [["held", 10_000], ["confirmed", 3_000], ["requested", 3_000], ["declined", 2_000], ["cancelled", 1_500], ["expired", 300], ["draft", 200]];
    const statusOf = (i: number) => {
      if (i < EVALUATED) return "evaluated";
      let at = EVALUATED;
      for (const [status, n] of tail) if (i < (at += n)) return status;
      return "draft";
    };
    const funding = ["pilot_grant", "competence_centre", "advisory_board", null];
    let evaluations = 0;
    for (let i = 0; i < CONSULTATIONS; i++) {
      const status = statusOf(i);
      const future = status === "confirmed" || status === "requested" || status === "draft";
      const createdAt = future ? now - rnd.int(1, 10) * 86_400_000 : now - rnd.int(20, 700) * 86_400_000;
      const start = createdAt + rnd.int(7, 30) * 86_400_000;
      const minutes = rnd.int(30, 45);
      const topicN = rnd.int(0, 1999);
      const cid = id("con", i);
      const confirmed = ["evaluated", "held", "confirmed"].includes(status);
      consultation.run(
        cid, id("grp", Math.floor(topicN / 4)), id("top", topicN), id("brf", topicN), id("exp", i % 200), minutes, status,
        confirmed ? id("slt", i * 2) : null, status === "draft" ? null : iso(createdAt + 3_600_000),
        confirmed ? iso(createdAt + rnd.int(1, 6) * 86_400_000) : null, cid, iso(createdAt), iso(createdAt),
        i % 25 === 0 && i > 0 ? id("con", i - 1) : null, funding[i % funding.length], i % 3 === 0 ? minutes + rnd.int(-5, 5) : null,
      );
      for (let s = 0; s < 2; s++) slot.run(id("slt", i * 2 + s), cid, 0, iso(start + s * 86_400_000), iso(start + s * 86_400_000 + minutes * 60_000));
      if (status !== "evaluated") continue;
      const at = iso(start + 2 * 86_400_000);
      const group = Math.floor(topicN / 4);
      for (let e = 0; e <= MEMBERS_PER_GROUP; e++) {
        const side = e < MEMBERS_PER_GROUP ? "member" : "expert";
        const author = side === "member" ? id("mem", group * MEMBERS_PER_GROUP + e) : id("exp", i % 200);
        evaluation.run(
          id("evl", evaluations++), cid, side, author, rnd.int(2, 5), rnd.int(1, 5), rnd.int(3, 5), FITS[rnd.int(0, 4)],
          rnd.next() < 0.5 ? minutes + rnd.int(-3, 3) : null, rnd.next() < 0.8 ? 1 : 0, rnd.next() < 0.3 ? 1 : 0, at, at,
        );
      }
    }
  })();
  // Rows written behind the services' back: the report's own table is filled as the migration's backfill does it.
  const started = performance.now();
  for (const statement of reportRowStatements("true")) raw.exec(statement);
  backfillMs = performance.now() - started;
  raw.exec("ANALYZE");
}

let backfillMs = 0;

/** A fresh SQLite file at `path` holding the bench's data set. */
export function buildBenchDatabase(path: string): SqliteHandle {
  rmSync(path, { force: true });
  const handle = connectSqlite(path);
  migrateSqlite(handle.raw);
  fill(handle);
  return handle;
}

export async function main(): Promise<{ reportMs: number; countMs: number; ratio: number }> {
  const path = join(tmpdir(), `samrad-report-bench-${process.pid}.sqlite`);
  const started = performance.now();
  await buildBenchDatabase(path).close();
  // Measure on a fresh connection, as a server would have, not the one that just wrote everything.
  const handle = connectSqlite(path);
  try {
    const { n } = handle.raw.prepare("SELECT count(*) AS n FROM evaluations").get() as { n: number };
    console.log(`report bench: ${CONSULTATIONS.toLocaleString("en")} consultations, ${n.toLocaleString("en")} evaluations, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const deps = { db: handle.db, clock: fixedClock(NOW) };
    const report = await timeMs(3, () => conceptReport(deps, {}));
    const count = await timeMs(21, () => sql`SELECT count(*) AS n FROM evaluations`.execute(handle.db));
    // A yardstick between the two: one grouped pass over every evaluation row, in SQL.
    const scan = await timeMs(3, () => sql`SELECT side, count(*), avg(usefulness), sum(wouldRecommend) FROM evaluations GROUP BY side`.execute(handle.db));
    // The report's two halves: what the database hands over, and the pure model over it.
    const load = await timeMs(1, () => loadReportAggregates(handle.db, {}, new Date(NOW)));
    const { aggregates } = await loadReportAggregates(handle.db, {}, new Date(NOW));
    const model = await timeMs(1, async () => buildConceptReportFromAggregates(aggregates));
    const filtered = await timeMs(3, () => conceptReport(deps, { from: "2026-01-01", to: "2026-06-30", theme: "elderly care", country: "SE" }));
    const ratio = report.median / count.median;
    console.log(`  concept report (the GET /api/reports/concept path): median ${report.median.toFixed(1)} ms (min ${report.min.toFixed(1)})`);
    console.log(`    of which loading ${load.median.toFixed(0)} ms (${aggregates.groups.length} groups, ${aggregates.statuses.length} status rows), the model ${model.median.toFixed(1)} ms`);
    console.log(`    with a period, theme and country: median ${filtered.median.toFixed(1)} ms; the report table's backfill (migration 0016) took ${(backfillMs / 1000).toFixed(1)} s`);
    console.log(`  SELECT count(*) FROM evaluations:                   median ${count.median.toFixed(2)} ms (min ${count.min.toFixed(2)})`);
    console.log(`  ratio report / count: ${ratio.toFixed(0)}x (issue 4's aim: at most 20x)`);
    console.log(`  one grouped SQL pass over the evaluations: median ${scan.median.toFixed(1)} ms (${(scan.median / count.median).toFixed(0)}x the count)`);
    console.log(`  ratio report / grouped pass: ${(report.median / scan.median).toFixed(1)}x (issue 16's aim: at most 2x)`);
    return { reportMs: report.median, countMs: count.median, ratio };
  } finally {
    await handle.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
