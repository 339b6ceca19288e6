import { FUNDING_SOURCES, type FundingSource } from "../../evaluations/consultation-outcome.schemas.js";
import { DURATION_FITS } from "../../evaluations/evaluations.schemas.js";
import type { CsvColumn, CsvWording } from "../../reports/evaluations-csv.js";
import { countryName } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";

const YES_NO_COLUMNS: readonly CsvColumn[] = ["noShow", "wouldRecommend", "followUpInterest"];

const isFundingSource = (v: unknown): v is FundingSource => (FUNDING_SOURCES as readonly unknown[]).includes(v);
const isFit = (v: unknown): v is (typeof DURATION_FITS)[number] => (DURATION_FITS as readonly unknown[]).includes(v);

/**
 * The CSV as the report page hands it out: headers and coded cells in the page's language (side,
 * theme, country, funding source, duration fit, yes/no), so that a spreadsheet shows what the page
 * shows. Free text, ids, figures and times stay as stored; the API's CSV keeps the codes.
 */
export function pageCsvWording(t: Messages, lang: Lang, themeName: (stored: string) => string): CsvWording {
  return {
    header: (column) => t.reportPage.csvColumns[column],
    value: (column, value) => {
      if (value === null || value === undefined) return value;
      if (YES_NO_COLUMNS.includes(column)) return value ? t.common.yes : t.common.no;
      switch (column) {
        case "side":
          return value === "member" || value === "expert" ? t.coordinator.sides[value] : value;
        case "theme":
          return themeName(String(value));
        case "expertCountry":
          return countryName(String(value), lang);
        case "fundingSource":
          return isFundingSource(value) ? t.workplace.fundingSources[value] : value;
        case "durationFit":
          return isFit(value) ? t.evaluation.fit[value] : value;
        default:
          return value;
      }
    },
  };
}
