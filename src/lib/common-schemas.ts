import { z } from "@hono/zod-openapi";
import { DateTime } from "luxon";

export const NORDIC_COUNTRIES = ["FI", "SE", "NO", "DK", "IS", "FO", "GL", "AX"] as const;
export type NordicCountry = (typeof NORDIC_COUNTRIES)[number];

export const CountrySchema = z.enum(NORDIC_COUNTRIES).openapi({
  description: "ISO 3166-1 alpha-2 of a Nordic country or autonomous area",
  example: "SE",
});

export const IdSchema = z.uuid({ message: "must be an id (UUID)" });
export const IdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: "id", in: "path" }, example: "5d0f7a5e-3f8e-4c1b-9a52-2b1f0f5a8c11" }),
});

export const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    // Intl accepts offsets like "+02:00"; a directory wants a named IANA zone.
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
};

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Stockholm" })
  .openapi({ example: "Europe/Stockholm" });

/** ISO 639-1: two lowercase letters. */
export const LanguageSchema = z
  .string()
  .max(2)
  .regex(/^[a-z]{2}$/, { message: "must be an ISO 639-1 code such as sv or en" })
  .openapi({ example: "sv" });

/** An ISO 8601 instant that names its offset (Z or ±hh:mm), with a four-digit year: a wall time without a zone is ambiguous. */
export const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The years an instant may name. Inside them Date, luxon and the stored ISO strings (compared as
 * text in SQL) agree; beyond 9999 an ISO string becomes "+010000-…" and sorts before "2026-…".
 */
export const INSTANT_YEARS = { earliest: 2000, latest: 2199 } as const;

/** The instant in UTC, or null when it is not an instant with an offset inside INSTANT_YEARS. */
export function parseInstant(value: string): DateTime | null {
  if (value.length > 40 || !INSTANT_WITH_OFFSET.test(value)) return null;
  const instant = DateTime.fromISO(value, { setZone: true });
  if (!instant.isValid) return null;
  const utc = instant.toUTC();
  return utc.year >= INSTANT_YEARS.earliest && utc.year <= INSTANT_YEARS.latest ? utc : null;
}

/** An instant a client sends: with an offset, four-digit year, within INSTANT_YEARS. */
export const InstantInputSchema = z
  .string()
  .max(40)
  .refine((v) => parseInstant(v) !== null, {
    message: `must be an ISO 8601 instant with an offset or Z between the years ${INSTANT_YEARS.earliest} and ${INSTANT_YEARS.latest}, e.g. 2027-03-08T10:00:00+02:00`,
  })
  .openapi({ example: "2027-03-08T10:00:00+02:00" });

export const UtcInstantSchema = z.string().openapi({ example: "2027-03-29T07:00:00.000Z", description: "UTC, ISO 8601" });

/** Trimmed, non-empty text with a maximum length. */
export const text = (max: number) => z.string().trim().min(1, { message: "must not be empty" }).max(max, { message: `must be at most ${max} characters` });

/**
 * A named schema or null. `.nullable()` on a schema with an OpenAPI name comes out wrong in the
 * 3.1 document (an allOf that null cannot match, or the null lost), which a generated client would believe.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
