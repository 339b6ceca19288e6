import { sql, type Kysely, type RawBuilder } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import { readTogether, type RowsOf } from "../db/read-together.js";
import type { ConsultationStatus, DB } from "../db/schema.js";
import { emptySideTally, type SideTally } from "./evaluation-tally.js";
import { NO_PROGRAMME } from "./outcomes.js";
import { DIMENSIONS, medianDaysOf, type Dimension, type ReportAggregates, type ReportGroup, type StatusCount } from "./report-aggregates.js";
import { CELL_TALLY_COLUMNS } from "./report-rows.js";
import type { ReportFilter } from "./reports.repo.js";
import { countValue } from "./stats.js";

/** The filter over report_consultations (r), as SQL. */
function filterSql(filter: ReportFilter): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filter.consultationId) terms.push(sql`r.id = ${filter.consultationId}`);
  if (filter.from) terms.push(sql`r.createdAt >= ${filter.from}`);
  if (filter.to) terms.push(sql`r.createdAt < ${filter.to}`);
  if (filter.theme) terms.push(sql`r.themeKey = ${filter.theme.toLowerCase()}`);
  if (filter.country) terms.push(sql`r.country = ${filter.country}`);
  if (filter.programme === NO_PROGRAMME) terms.push(sql`r.programmeId = ''`);
  else if (filter.programme) terms.push(sql`r.programmeId = ${filter.programme}`);
  return sql.join(terms, sql` AND `);
}

/** statusNow (consultation-facts.repo.ts) in SQL: time turns a confirmed session into a held one once it has ended ... */
const endedBy = (nowMs: number) => sql`r.status = 'confirmed' AND r.slotEndMs <= ${nowMs}`;
/** ... and a request into an expired one once every proposed time of its round has started. */
const lapsedBy = (nowMs: number) => sql`r.status = 'requested' AND (r.latestStartMs IS NULL OR r.latestStartMs <= ${nowMs})`;

/** The values at the two middle ranks of a column, and how many values it has: a median without reading them all. */
function middleOf(db: Kysely<DB>, column: "requestToConfirmMs" | "confirmToSessionMs", where: RawBuilder<unknown>) {
  const col = sql.ref(`r.${column}`);
  const present = sql`${col} IS NOT NULL AND ${where}`;
  return sql<{ v: number; n: number }>`SELECT ${col} AS v, (SELECT count(*) FROM report_consultations r WHERE ${present}) AS n
    FROM report_consultations r WHERE ${present} ORDER BY ${col}
    LIMIT 2 OFFSET (SELECT (count(*) - 1) / 2 FROM report_consultations r WHERE ${present})`.compile(db);
}

function sideTallyOf(row: Record<string, unknown>, p: "m" | "e"): SideTally {
  const n = (column: string) => Number(row[`${p}${column}`] ?? 0);
  const tally = emptySideTally();
  tally.evaluations = n("N");
  for (let v = 1; v <= 5; v++) {
    tally.usefulness[v - 1] = n(`U${v}`);
    tally.preparation[v - 1] = n(`P${v}`);
    tally.technicalQuality[v - 1] = n(`T${v}`);
  }
  tally.durationFit = [n("Short"), n("Right"), n("Long")];
  tally.wouldRecommend = n("Recommend");
  tally.followUpInterest = n("Interest");
  return tally;
}

type GroupRow = Record<string, unknown> & { dimension: Dimension; key: string; n: number; withMember: number; withExpert: number };

const DIMENSION_COLUMNS: Readonly<Record<Dimension, string>> = {
  theme: "theme",
  country: "country",
  programme: "programmeId",
  duration: "durationBand",
  questions: "questionBand",
  challenge: "challengeBand",
};

/**
 * The outcome breakdowns' groups, a few dozen rows. Their cells are kept added up in
 * report_cells (triggers, migration 0016) for every filter but a period or one consultation,
 * which add up the rows they select instead.
 */
function groupsQuery(db: Kysely<DB>, filter: ReportFilter, where: RawBuilder<unknown>) {
  const counts = ["consultations", "withMember", "withExpert", ...CELL_TALLY_COLUMNS];
  let cells: RawBuilder<unknown>;
  if (!(filter.from || filter.to || filter.consultationId)) {
    const terms: RawBuilder<unknown>[] = [sql`r.consultations > 0`];
    if (filter.theme) terms.push(sql`lower(r.theme) = ${filter.theme.toLowerCase()}`);
    if (filter.country) terms.push(sql`r.country = ${filter.country}`);
    if (filter.programme) terms.push(sql`r.programmeId = ${filter.programme === NO_PROGRAMME ? "" : filter.programme}`);
    cells = sql`SELECT * FROM report_cells r WHERE ${sql.join(terms, sql` AND `)}`;
  } else {
    cells = sql`SELECT r.theme, r.country, r.programmeId, r.durationBand, r.questionBand, r.challengeBand,
        count(*) AS consultations, sum(r.mN > 0) AS withMember, sum(r.eN > 0) AS withExpert,
        ${sql.raw(CELL_TALLY_COLUMNS.map((c) => `sum(r.${c}) AS ${c}`).join(", "))}
      FROM report_consultations r WHERE ${where} AND r.mN + r.eN > 0
      GROUP BY r.theme, r.country, r.programmeId, r.durationBand, r.questionBand, r.challengeBand`;
  }
  const sums = sql.raw(counts.map((c) => `sum(cells.${c}) AS ${c === "consultations" ? "n" : c}`).join(", "));
  const keyOf = sql.raw(`CASE d.value ${DIMENSIONS.map((d) => `WHEN '${d}' THEN cells.${DIMENSION_COLUMNS[d]}`).join(" ")} END`);
  // Every cell once per breakdown: one grouped SELECT (D1 allows only a few terms in a UNION).
  return sql<GroupRow>`WITH cells AS (${cells})
    SELECT d.value AS dimension, ${keyOf} AS key, ${sums} FROM cells, json_each(${JSON.stringify(DIMENSIONS)}) d GROUP BY 1, 2`.compile(db);
}

/**
 * The report's aggregates over the consultations a filter selects, from report_consultations in
 * six grouped statements that return a few hundred rows at most, and the programmes' names, in one round trip.
 */
export async function loadReportAggregates(
  db: Kysely<DB>,
  filter: ReportFilter,
  now: Date,
  atomic?: AtomicWrite,
): Promise<{ aggregates: ReportAggregates; programmeNames: Map<string, string> }> {
  return reportAggregatesFromRows(await readTogether({ db, atomic }, reportAggregateQueries(db, filter, now)));
}

/** loadReportAggregates's statements, to ride in a page's batch; reportAggregatesFromRows reads their rows. */
export function reportAggregateQueries(db: Kysely<DB>, filter: ReportFilter, now: Date) {
  const where = filterSql(filter);
  const nowMs = now.getTime();
  // Sessions that took place: held or evaluated as of now, and nobody failed to show up.
  const session = sql`r.noShow = 0 AND (r.status IN ('held', 'evaluated') OR ${endedBy(nowMs)})`;
  // Each GROUP BY follows the order of the table or of an index (migration 0016), so nothing is sorted.
  const queries = [
    sql<{ status: ConsultationStatus; requested: number; confirmed: number; noShow: number; fundingSource: string | null; n: number; ended: number; lapsed: number; followUps: number }>`
      SELECT r.status, r.requested, r.confirmed, r.noShow, r.fundingSource, count(*) AS n,
        count(*) FILTER (WHERE ${endedBy(nowMs)}) AS ended, count(*) FILTER (WHERE ${lapsedBy(nowMs)}) AS lapsed, count(r.followUpOf) AS followUps
      FROM report_consultations r WHERE ${where} GROUP BY r.status, r.requested, r.confirmed, r.noShow, r.fundingSource`.compile(db),
    sql<{ origins: number }>`SELECT count(DISTINCT r.followUpOf) AS origins FROM report_consultations r WHERE r.followUpOf IS NOT NULL AND ${where}`.compile(db),
    middleOf(db, "requestToConfirmMs", where),
    middleOf(db, "confirmToSessionMs", where),
    // Sessions by planned and actual length (report-rows.ts: sessionMinutes).
    sql<{ planned: number; actual: number | null; n: number; members: number; experts: number }>`
      SELECT r.durationMinutes AS planned, r.sessionMinutes AS actual, count(*) AS n, sum(r.mN) AS members, sum(r.eN) AS experts
      FROM report_consultations r WHERE ${where} AND ${session} GROUP BY r.durationMinutes, r.sessionMinutes`.compile(db),
    // Possible member respondents: today's size of each session's group.
    sql<{ possible: number | null }>`
      SELECT sum(s.n * (SELECT count(*) FROM group_members gm WHERE gm.groupId = s.groupId AND gm.removedAt IS NULL)) AS possible
      FROM (SELECT r.groupId, count(*) AS n FROM report_consultations r WHERE ${where} AND ${session} GROUP BY r.groupId) s`.compile(db),
    groupsQuery(db, filter, where),
    // The programmes' names for the breakdown: a handful of rows.
    db.selectFrom("programmes").select(["id", "name"]).compile(),
  ] as const;
  return queries;
}

export function reportAggregatesFromRows([statusRows, [origins], toConfirm, toSession, sessionRows, [possible], groupRows, programmes]: RowsOf<
  ReturnType<typeof reportAggregateQueries>
>): { aggregates: ReportAggregates; programmeNames: Map<string, string> } {

  const statuses: StatusCount[] = [];
  for (const r of statusRows) {
    const row = { requested: Number(r.requested) === 1, confirmed: Number(r.confirmed) === 1, noShow: Number(r.noShow) === 1, fundingSource: r.fundingSource };
    // The stored status, and the part of it that time has moved on (held, expired).
    const moved = Number(r.ended) + Number(r.lapsed);
    const movedTo: ConsultationStatus = r.status === "confirmed" ? "held" : "expired";
    statuses.push({ ...row, status: r.status, consultations: Number(r.n) - moved, followUps: Number(r.followUps) });
    if (moved > 0) statuses.push({ ...row, status: movedTo, consultations: moved, followUps: 0 });
  }
  const median = (rows: readonly { v: number; n: number }[]) => {
    const n = rows.length === 0 ? 0 : Number(rows[0]!.n);
    const lower = Math.floor((n - 1) / 2);
    return medianDaysOf(n, (rank) => Number(rows[Math.min(rank - lower, rows.length - 1)]!.v));
  };
  const plannedMinutes = new Map<number, number>();
  const actualMinutes = new Map<number, number>();
  let memberEvaluations = 0;
  let expertEvaluations = 0;
  for (const r of sessionRows) {
    const n = Number(r.n);
    countValue(plannedMinutes, Number(r.planned), n);
    if (r.actual !== null) countValue(actualMinutes, Number(r.actual), n);
    memberEvaluations += Number(r.members ?? 0);
    expertEvaluations += Number(r.experts ?? 0);
  }
  const groups = groupRows.map(
    (r): ReportGroup => ({
      dimension: r.dimension,
      key: r.dimension === "programme" && r.key === "" ? NO_PROGRAMME : r.key,
      consultations: Number(r.n),
      memberConsultations: Number(r.withMember),
      expertConsultations: Number(r.withExpert),
      member: sideTallyOf(r, "m"),
      expert: sideTallyOf(r, "e"),
    }),
  );
  const aggregates: ReportAggregates = {
    statuses,
    followUpOrigins: Number(origins?.origins ?? 0),
    medianDaysRequestToConfirm: median(toConfirm),
    medianDaysConfirmToSession: median(toSession),
    sessions: { plannedMinutes, actualMinutes, memberEvaluations, memberPossible: Number(possible?.possible ?? 0), expertEvaluations },
    groups,
  };
  return { aggregates, programmeNames: new Map(programmes.map((p) => [p.id, p.name])) };
}
