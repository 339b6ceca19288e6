import { z } from "@hono/zod-openapi";
import { pageQuery } from "../lib/paging.js";
import { CountrySchema, IdSchema, LanguageSchema, TimeZoneSchema, text } from "../lib/common-schemas.js";

export const CriteriaSchema = z
  .strictObject({
    nationallySignificant: z.boolean(),
    innovative: z.boolean(),
    evidenceBased: z.boolean(),
  })
  .refine((c) => c.nationallySignificant || c.innovative || c.evidenceBased, {
    message: "at least one criterion must be true: nationally significant, innovative or evidence-based",
  })
  .openapi("SelectionCriteria");

export const CreateOrganisationSchema = z
  .strictObject({
    name: text(200),
    country: CountrySchema,
    website: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(500).optional(),
    criteria: CriteriaSchema,
    criteriaNote: text(2000).optional(),
  })
  .openapi("CreateOrganisation");

/** Every field optional; a field sent replaces the stored one, `null` clears an optional one. */
export const UpdateOrganisationSchema = z
  .strictObject({
    name: text(200).optional(),
    country: CountrySchema.optional(),
    website: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(500).nullable().optional(),
    criteria: CriteriaSchema.optional(),
    criteriaNote: text(2000).nullable().optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: "send at least one field to change" })
  .openapi("UpdateOrganisation");

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: CountrySchema,
    website: z.string().nullable(),
    criteria: z.object({ nationallySignificant: z.boolean(), innovative: z.boolean(), evidenceBased: z.boolean() }),
    criteriaNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Organisation");

const THEMES_DESCRIPTION =
  "Keys from the managed list of themes (GET /api/themes; case does not matter). A text not on the list is refused with 400 VALIDATION_FAILED, issue path `themes.N`, rule `themeList`.";

export const CreateExpertSchema = z
  .strictObject({
    organisationId: IdSchema,
    name: text(200),
    email: z.email({ message: "must be an e-mail address" }).max(320),
    languages: z.array(LanguageSchema).min(1, { message: "at least one language" }).max(10),
    timeZone: TimeZoneSchema,
    themes: z.array(text(100)).min(1, { message: "at least one theme" }).max(20).openapi({ description: THEMES_DESCRIPTION }),
  })
  .openapi("CreateExpert");

export const UpdateExpertSchema = z
  .strictObject({
    organisationId: IdSchema.optional(),
    name: text(200).optional(),
    email: z.email({ message: "must be an e-mail address" }).max(320).optional(),
    languages: z.array(LanguageSchema).min(1, { message: "at least one language" }).max(10).optional(),
    timeZone: TimeZoneSchema.optional(),
    themes: z.array(text(100)).min(1, { message: "at least one theme" }).max(20).optional().openapi({ description: THEMES_DESCRIPTION }),
    active: z.boolean().optional().openapi({ description: "false deactivates: no longer offered to groups, kept in history and the report" }),
  })
  .refine((o) => Object.keys(o).length > 0, { message: "send at least one field to change" })
  .openapi("UpdateExpert");

export const ExpertSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisation: z.object({ name: z.string(), country: CountrySchema, criteria: CriteriaSchema }),
    name: z.string(),
    email: z.string(),
    languages: z.array(z.string()),
    timeZone: z.string(),
    themes: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("Expert");

/** In the directory's list: members choose an expert, and the service contacts them, so only the coordinator sees the address. */
export const DirectoryExpertSchema = ExpertSchema.extend({
  email: z.string().optional().openapi({ description: "The coordinator's view only" }),
}).openapi("DirectoryExpert");

export const ExpertQuerySchema = z.object({
  theme: z.string().trim().min(1).max(100).optional().openapi({ param: { name: "theme", in: "query" } }),
  country: CountrySchema.optional().openapi({ param: { name: "country", in: "query" } }),
  language: LanguageSchema.optional().openapi({ param: { name: "language", in: "query" } }),
  q: z.string().trim().min(1).max(100).optional().openapi({ param: { name: "q", in: "query" }, description: "Part of the name, organisation or e-mail" }),
  includeInactive: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "includeInactive", in: "query" }, description: "Coordinator only: deactivated experts too" }),
  ...pageQuery("experts", 2),
});

export type CreateOrganisation = z.infer<typeof CreateOrganisationSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type CreateExpert = z.infer<typeof CreateExpertSchema>;
export type Expert = z.infer<typeof ExpertSchema>;
export type DirectoryExpert = z.infer<typeof DirectoryExpertSchema>;
export type ExpertQuery = z.infer<typeof ExpertQuerySchema>;
export type UpdateOrganisation = z.infer<typeof UpdateOrganisationSchema>;
export type UpdateExpert = z.infer<typeof UpdateExpertSchema>;
export type ExpertFilter = Pick<ExpertQuery, "theme" | "country" | "language" | "q" | "includeInactive">;
