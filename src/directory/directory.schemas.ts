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

export const CreateExpertSchema = z
  .strictObject({
    organisationId: IdSchema,
    name: text(200),
    email: z.email({ message: "must be an e-mail address" }).max(320),
    languages: z.array(LanguageSchema).min(1, { message: "at least one language" }).max(10),
    timeZone: TimeZoneSchema,
    themes: z.array(text(100)).min(1, { message: "at least one theme" }).max(20),
  })
  .openapi("CreateExpert");

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
  ...pageQuery("experts", 2),
});

export type CreateOrganisation = z.infer<typeof CreateOrganisationSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type CreateExpert = z.infer<typeof CreateExpertSchema>;
export type Expert = z.infer<typeof ExpertSchema>;
export type DirectoryExpert = z.infer<typeof DirectoryExpertSchema>;
export type ExpertQuery = z.infer<typeof ExpertQuerySchema>;
export type ExpertFilter = Pick<ExpertQuery, "theme" | "country" | "language">;
