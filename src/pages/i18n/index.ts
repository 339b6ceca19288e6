import { en } from "./en.js";
import { fi } from "./fi.js";
import type { Messages } from "./messages.js";
import { LANGUAGES, isLang, type Lang } from "./vocabulary.js";
import { sv } from "./sv.js";

export { LANGUAGES, isLang, type Lang, type Messages };

export const catalogues: Record<Lang, Messages> = { fi, sv, en };

/** The language when nothing else tells: English is the one every Nordic expert reads. */
export const DEFAULT_LANG: Lang = "en";

/** The first supported language in an Accept-Language header, by q-value then order. */
export function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split("-")[0]!, q: q ? Number(q) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLang) ?? null;
}

/**
 * The page language: the user's explicit choice (?lang= or the cookie the switch sets) wins,
 * then the expert's preferred language on expert pages, then the browser's Accept-Language.
 */
export function resolveLanguage(input: {
  query?: string | undefined;
  cookie?: string | undefined;
  preferred?: readonly string[] | undefined;
  acceptLanguage?: string | undefined;
}): Lang {
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  const preferred = input.preferred?.find(isLang);
  if (preferred) return preferred;
  return fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANG;
}
