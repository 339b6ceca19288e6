import { z } from "@hono/zod-openapi";
import { IdSchema, text } from "../lib/common-schemas.js";

export const CreateProgrammeSchema = z
  .strictObject({
    name: text(200).openapi({ example: "Lastensuojelun kärkihanke (keksitty)" }),
    description: text(1000).optional(),
  })
  .openapi("CreateProgramme");

export const ProgrammeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string().nullable(), createdAt: z.string() })
  .openapi("Programme");

export const SetProgrammeSchema = z
  .strictObject({ programmeId: IdSchema.nullable().openapi({ description: "null takes the consultation out of its programme" }) })
  .openapi("SetProgramme");

export type CreateProgramme = z.infer<typeof CreateProgrammeSchema>;
export type Programme = z.infer<typeof ProgrammeSchema>;
