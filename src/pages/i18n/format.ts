import { DateTime } from "luxon";
import { catalogues, type Lang } from "./index.js";
import type { NordicZone } from "./vocabulary.js";

const at = (iso: string, lang: Lang, zone: string) =>
  DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).setLocale(catalogues[lang].meta.locale);

/** "maanantaina 8. maaliskuuta 2027", "måndag 8 mars 2027", "Monday, 8 March 2027". */
export const formatDate = (iso: string, lang: Lang, zone: string) =>
  at(iso, lang, zone).toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "23. marraskuuta 2026", "23 november 2026", "23 November 2026". */
export const formatDay = (iso: string, lang: Lang, zone: string) =>
  at(iso, lang, zone).toLocaleString({ day: "numeric", month: "long", year: "numeric" });

/** "9.00" in Finnish, "09:00" in Swedish and English. */
export const formatTime = (iso: string, lang: Lang, zone: string) => at(iso, lang, zone).toFormat(catalogues[lang].meta.timeFormat);

/** Date and time together, e.g. for the status history. */
export const formatDateTime = (iso: string, lang: Lang, zone: string) =>
  `${at(iso, lang, zone).toLocaleString({ day: "numeric", month: "short", year: "numeric" })} ${formatTime(iso, lang, zone)}`;

/** A short day for buttons and tables: "ma 8.3.", "mån 8 mars", "Mon 8 Mar". */
export const formatShortDate = (iso: string, lang: Lang, zone: string) =>
  at(iso, lang, zone).toLocaleString({ weekday: "short", day: "numeric", month: "short" });

/** The city that names a zone in the page's language: "Helsingfors" in Swedish. */
export function zoneCity(zone: string, lang: Lang): string {
  const known = catalogues[lang].zones[zone as NordicZone];
  if (known) return known;
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** A slot as "Monday, 8 March 2027, 09:00–09:45" in one zone. */
export function formatSlot(slot: { start: string; end: string }, lang: Lang, zone: string): string {
  const t = catalogues[lang].common;
  return `${formatDate(slot.start, lang, zone)}, ${t.timeRange(formatTime(slot.start, lang, zone), formatTime(slot.end, lang, zone))}`;
}

/** "10:00 in Helsinki": the same instant in another zone, with a note when the day differs. */
export function timeInCity(iso: string, lang: Lang, zone: string, referenceZone?: string): string {
  let time = formatTime(iso, lang, zone);
  if (referenceZone && at(iso, lang, zone).toISODate() !== at(iso, lang, referenceZone).toISODate()) {
    time = `${formatShortDate(iso, lang, zone)} ${time}`;
  }
  return catalogues[lang].common.inCity(time, zoneCity(zone, lang));
}

/** Names of countries and languages come from Intl, so they need no catalogue. */
export const countryName = (code: string, lang: Lang) =>
  new Intl.DisplayNames([catalogues[lang].meta.locale], { type: "region" }).of(code) ?? code;

export const languageName = (code: string, lang: Lang) =>
  new Intl.DisplayNames([catalogues[lang].meta.locale], { type: "language" }).of(code) ?? code;

/** Numbers in the page's language: "0,67" in Finnish and Swedish. */
export const formatNumber = (n: number, lang: Lang, digits = 2) =>
  new Intl.NumberFormat(catalogues[lang].meta.locale, { maximumFractionDigits: digits }).format(n);

export const formatPercent = (share: number, lang: Lang) =>
  new Intl.NumberFormat(catalogues[lang].meta.locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
