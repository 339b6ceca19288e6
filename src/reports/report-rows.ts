import { sql, type CompiledQuery, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema.js";
import { bandSql, CHALLENGE_LENGTH_BANDS, DURATION_BANDS, QUESTION_BANDS } from "./report-bands.js";

/**
 * report_consultations (migrations/0016_report_rows.sql) holds one narrow row per consultation
 * with everything the concept report reads: the consultation's own columns, its theme, its
 * expert's country, its programme, its brief's size, the time-dependent status's inputs as
 * milliseconds, and its evaluations counted per side and answer. The report then groups that one
 * table in SQL and never joins or reads 100,000 rows into JavaScript.
 *
 * The rows are written by refreshing them from the source tables, in the same atomic batch as
 * the write that changed their source (transitions and drafts, evaluations, a programme, an
 * expert's organisation or an organisation's country): a row is always what a fresh refresh
 * would give. The migration's backfill is the same two statements without a WHERE.
 */

/** An ISO instant as Unix milliseconds, NULL when SQLite cannot read it (Date.parse gives NaN). Exact: julianday counts whole milliseconds. */
export const msOf = (expr: string) => `(CAST(round(julianday(${expr}) * 86400000) AS INTEGER) - 210866760000000)`;

const SIDES = [
  ["m", "member"],
  ["e", "expert"],
] as const;
const SCORES = [
  ["U", "usefulness"],
  ["P", "preparation"],
  ["T", "technicalQuality"],
] as const;
const FITS = [
  ["Short", "too_short"],
  ["Right", "right"],
  ["Long", "too_long"],
] as const;

/** The tally columns and how each is counted from the evaluations, in one order. */
export const TALLY_COLUMNS: readonly { column: string; counted: string }[] = [
  ...SIDES.flatMap(([p, side]) => [
    { column: `${p}N`, counted: `count(*) FILTER (WHERE side = '${side}')` },
    ...SCORES.flatMap(([s, column]) =>
      [1, 2, 3, 4, 5].map((v) => ({ column: `${p}${s}${v}`, counted: `count(*) FILTER (WHERE side = '${side}' AND ${column} = ${v})` })),
    ),
    ...FITS.map(([f, value]) => ({ column: `${p}${f}`, counted: `count(*) FILTER (WHERE side = '${side}' AND durationFit = '${value}')` })),
    { column: `${p}Recommend`, counted: `count(*) FILTER (WHERE side = '${side}' AND wouldRecommend = 1)` },
    { column: `${p}Interest`, counted: `count(*) FILTER (WHERE side = '${side}' AND followUpInterest = 1)` },
  ]),
  // A session's actual length: its own figure, else the mean of those its evaluations gave (a
  // double divided as JavaScript divides), else NULL.
  { column: "sessionMinutes", counted: "coalesce(report_consultations.actualMinutes, sum(actualMinutes) * 1.0 / count(actualMinutes))" },
];

const QUESTION_COUNT = "(SELECT count(*) FROM brief_questions q WHERE q.briefId = c.briefId)";
const CHALLENGE_LENGTH = "coalesce(b.challengeLength, length(b.challenge), 0)";

/** The consultation-level columns and where each comes from (c: consultations, cs: its confirmed slot). */
const BASE_COLUMNS: readonly { column: string; from: string }[] = [
  { column: "id", from: "c.id" },
  { column: "createdAt", from: "c.createdAt" },
  { column: "groupId", from: "c.groupId" },
  { column: "theme", from: "coalesce(t.theme, '')" },
  // The theme filter compares lower-cased, as SQLite's lower() does it.
  { column: "themeKey", from: "lower(coalesce(t.theme, ''))" },
  { column: "country", from: "coalesce(o.country, '')" },
  // '' for none: a column of the table's primary key cannot be NULL.
  { column: "programmeId", from: "coalesce(cp.programmeId, '')" },
  { column: "status", from: "c.status" },
  { column: "requested", from: "c.requestedAt IS NOT NULL" },
  { column: "confirmed", from: "c.confirmedAt IS NOT NULL" },
  { column: "noShow", from: "c.noShow" },
  // statusNow's inputs: a confirmed session is held once its end has passed ...
  { column: "slotEndMs", from: `CASE WHEN cs.start <> '' AND cs."end" <> '' THEN ${msOf('cs."end"')} END` },
  // ... and a request expires once the latest proposed time of its round has started.
  { column: "latestStartMs", from: msOf("(SELECT max(p.start) FROM proposed_slots p WHERE p.consultationId = c.id AND p.round = c.slotRound)") },
  { column: "durationMinutes", from: "c.durationMinutes" },
  { column: "actualMinutes", from: "c.actualMinutes" },
  { column: "requestToConfirmMs", from: `CASE WHEN c.confirmedAt IS NOT NULL AND c.requestedAt IS NOT NULL THEN ${msOf("c.confirmedAt")} - ${msOf("c.requestedAt")} END` },
  // The recorded start when there is one, else the confirmed time; only where a session took place or is planned.
  {
    column: "confirmToSessionMs",
    from: `CASE WHEN c.confirmedAt IS NOT NULL AND c.status IN ('confirmed', 'held', 'evaluated') THEN ${msOf("coalesce(c.actualStart, cs.start)")} - ${msOf("c.confirmedAt")} END`,
  },
  // The bands the outcomes are broken down by, so that the table's order groups them (report-bands.ts).
  { column: "durationBand", from: bandSql(DURATION_BANDS, "c.durationMinutes") },
  { column: "questionBand", from: bandSql(QUESTION_BANDS, QUESTION_COUNT) },
  // Once erasure or retention has removed a challenge's text, its length is kept in challengeLength.
  { column: "challengeBand", from: bandSql(CHALLENGE_LENGTH_BANDS, CHALLENGE_LENGTH) },
  { column: "followUpOf", from: "c.followUpOf" },
  { column: "fundingSource", from: "c.fundingSource" },
];

/** The tally columns the outcome cells add up: every one but the session's length. */
export const CELL_TALLY_COLUMNS = TALLY_COLUMNS.filter((t) => t.column !== "sessionMinutes").map((t) => t.column);

/**
 * The statements that make the rows of the consultations `where` selects (SQL over `c`, the
 * consultations) what their sources say. Delete and insert rather than INSERT OR REPLACE, whose
 * implicit delete would not fire the triggers that keep report_cells.
 */
export function reportRowStatements(where: string): [string, string, string] {
  const remove = `DELETE FROM report_consultations WHERE id IN (SELECT c.id FROM consultations c WHERE ${where})`;
  const base = `INSERT INTO report_consultations (${BASE_COLUMNS.map((c) => c.column).join(", ")})
SELECT ${BASE_COLUMNS.map((c) => c.from).join(",\n  ")}
FROM consultations c
LEFT JOIN topics t ON t.id = c.topicId
LEFT JOIN briefs b ON b.id = c.briefId
LEFT JOIN experts x ON x.id = c.expertId
LEFT JOIN organisations o ON o.id = x.organisationId
LEFT JOIN consultation_programmes cp ON cp.consultationId = c.id
LEFT JOIN proposed_slots cs ON cs.id = c.confirmedSlotId
WHERE ${where}`;
  const tallies = `UPDATE report_consultations SET (${TALLY_COLUMNS.map((t) => t.column).join(", ")}) = (
  SELECT ${TALLY_COLUMNS.map((t) => t.counted).join(",\n  ")}
  FROM evaluations WHERE evaluations.consultationId = report_consultations.id)
WHERE id IN (SELECT c.id FROM consultations c WHERE ${where})`;
  return [remove, base, tallies];
}

type Selector = { changeId: string } | { consultationId: string } | { expertId: string } | { organisationId: string };

function whereOf(selector: Selector): RawBuilder<unknown> {
  if ("changeId" in selector) return sql`c.changeId = ${selector.changeId}`;
  if ("consultationId" in selector) return sql`c.id = ${selector.consultationId}`;
  if ("expertId" in selector) return sql`c.expertId = ${selector.expertId}`;
  return sql`c.expertId IN (SELECT id FROM experts WHERE organisationId = ${selector.organisationId})`;
}

/**
 * The statements to append to a batch, after its writes, so that the report rows of the
 * consultations it touched follow: by the changeId a transition or draft stamped, by id, or all
 * of an expert's or an organisation's consultations (their country).
 */
export function refreshReportRows(db: Kysely<DB>, selector: Selector): CompiledQuery[] {
  const where = whereOf(selector);
  const fill = (text: string) => {
    const [before, after] = text.split("__WHERE__") as [string, string];
    return sql`${sql.raw(before)}${where}${sql.raw(after)}`.compile(db);
  };
  return reportRowStatements("__WHERE__").map(fill);
}
