/**
 * The bands the report groups consultations into by planned length and by the brief's size:
 * one list, used by the model over records and rendered as SQL for the grouped queries.
 */
export interface Band {
  key: string;
  min: number;
  max: number;
}

// Data outside the bands (a 60-minute session, a brief with no questions) still has to land
// somewhere, or the breakdown would no longer add up to the overall figures.
export const OTHER = "other";

/** Consultations that have no programme are a group of their own under this key. */
export const NO_PROGRAMME = "none";

export const DURATION_BANDS: readonly Band[] = [
  { key: "30-34", min: 30, max: 34 },
  { key: "35-39", min: 35, max: 39 },
  { key: "40-45", min: 40, max: 45 },
];
export const QUESTION_BANDS: readonly Band[] = [
  { key: "1-2", min: 1, max: 2 },
  { key: "3-4", min: 3, max: 4 },
  { key: "5-7", min: 5, max: 7 },
];
export const CHALLENGE_LENGTH_BANDS: readonly Band[] = [
  { key: "<500", min: 0, max: 499 },
  { key: "500-999", min: 500, max: 999 },
  { key: "1000-2000", min: 1000, max: 2000 },
];

export function bandOf(bands: readonly Band[], value: number): string {
  return bands.find((band) => value >= band.min && value <= band.max)?.key ?? OTHER;
}

export const bandOrder = (bands: readonly Band[]) => [...bands.map((band) => band.key), OTHER];

/** bandOf as a SQL expression over an integer column (the keys and bounds are constants of this file). */
// The report table stores each consultation's bands (report-rows.ts): changing a band here needs a
// migration that refreshes every row, as migrations/0016_report_rows.sql's backfill does.
export function bandSql(bands: readonly Band[], column: string): string {
  return `CASE ${bands.map((b) => `WHEN ${column} BETWEEN ${b.min} AND ${b.max} THEN '${b.key}'`).join(" ")} ELSE '${OTHER}' END`;
}
