import { z } from "@hono/zod-openapi";

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
  .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Stockholm" })
  .openapi({ example: "Europe/Stockholm" });

/** ISO 639-1: two lowercase letters. */
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2}$/, { message: "must be an ISO 639-1 code such as sv or en" })
  .openapi({ example: "sv" });

export const UtcInstantSchema = z.string().openapi({ example: "2027-03-29T07:00:00.000Z", description: "UTC, ISO 8601" });

/** Trimmed, non-empty text with a maximum length. */
export const text = (max: number) => z.string().trim().min(1, { message: "must not be empty" }).max(max, { message: `must be at most ${max} characters` });

/**
 * A named schema or null. `.nullable()` on a schema with an OpenAPI name comes out wrong in the
 * 3.1 document (an allOf that null cannot match, or the null lost), which a generated client would believe.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
