import { EVALUATION_ANSWER_COLUMNS } from "../evaluations/evaluation-answers.js";
import type { EvaluationExportRow } from "./evaluations-export.repo.js";

/** Column order of the export; the header row uses these names. */
export const CSV_COLUMNS = [
  "evaluationId",
  "consultationId",
  "followUpOf",
  "theme",
  "expertCountry",
  "plannedMinutes",
  "sessionStart",
  "noShow",
  "recordedMinutes",
  "fundingSource",
  "side",
  ...EVALUATION_ANSWER_COLUMNS,
  "submittedAt",
  "updatedAt",
] as const satisfies readonly (keyof EvaluationExportRow)[];

// Excel runs a cell that starts like a formula (=, +, -, @, tab, CR): text typed by people must not.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown, separator: string): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  // RFC 4180: quote a field holding the separator, a quote or a line break; double inner quotes.
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * How a reader's copy names its columns and codes (the pages' copy, in the page's language); without
 * one, the header is the column names and the cells are the stored codes, as the API gives them.
 */
export interface CsvWording {
  header(column: CsvColumn): string;
  /** A cell's value as the reader reads it; free text and figures come back as they are. */
  value(column: CsvColumn, value: unknown): unknown;
}

/**
 * RFC 4180 CSV (CRLF line ends, header row) with a UTF-8 byte order mark: without it Excel reads
 * the file as the local code page and breaks å, ä and ö. Other tools (csv-parse with bom: true,
 * LibreOffice, pandas with utf-8-sig) skip the mark.
 *
 * @example
 * evaluationsCsv(rows, { separator: ";" }) // "\uFEFFevaluationId;consultationId;...\r\n..."
 */
export function evaluationsCsv(rows: readonly EvaluationExportRow[], opts: { separator: "," | ";"; wording?: CsvWording }): string {
  const { separator, wording } = opts;
  const lines = [CSV_COLUMNS.map((column) => cell(wording ? wording.header(column) : column, separator)).join(separator)];
  for (const row of rows) {
    // Without a wording, yes/no columns stay 0/1 as stored, so that a spreadsheet's AVERAGE gives the share.
    lines.push(CSV_COLUMNS.map((column) => cell(wording ? wording.value(column, row[column]) : row[column], separator)).join(separator));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
