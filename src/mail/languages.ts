import { isLang, type Lang } from "../pages/i18n/index.js";

/** The expert's first listed language the service speaks, else English (every Nordic expert reads it). */
export function expertLanguage(languages: readonly string[]): Lang {
  return languages.find(isLang) ?? "en";
}
