/** What the catalogues are keyed by: the languages, the audit actions shown as history, the Nordic zones. */
export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const isLang = (value: unknown): value is Lang => typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** The audit actions a consultation's status history shows; any other action is shown as it is. */
export const HISTORY_ACTIONS = [
  "consultation.created",
  "consultation.requested",
  "consultation.confirmed",
  "consultation.declined",
  "consultation.cancelled",
  "consultation.rescheduled",
  "consultation.held",
  "consultation.expired",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
export type Actor = "member" | "expert" | "coordinator" | "system";

/** The zones of shared/DOMAIN.md; any other zone is named by its IANA city. */
export const NORDIC_ZONES = [
  "Europe/Helsinki",
  "Europe/Mariehamn",
  "Europe/Stockholm",
  "Europe/Oslo",
  "Europe/Copenhagen",
  "Atlantic/Faroe",
  "Atlantic/Reykjavik",
  "America/Nuuk",
] as const;
export type NordicZone = (typeof NORDIC_ZONES)[number];

/** A text that takes values: every catalogue's formatted strings. */
export type Fn<A extends unknown[]> = (...args: A) => string;
