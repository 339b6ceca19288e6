import { z } from "@hono/zod-openapi";
import { ConsultationSchema, CreateConsultationSchema, StatusSchema } from "../consultations/consultations.schemas.js";
import { InstantInputSchema } from "../lib/common-schemas.js";
import { EvaluationWindowSchema, MinutesSchema } from "./evaluations.schemas.js";

/**
 * Where support for a consultation came from (concept step 7). A closed list, so that the
 * report's sums by source do not split on spelling; "other" covers the rest.
 */
export const FUNDING_SOURCES = [
  "competence_centre",
  "advisory_board",
  "ministry_international_unit",
  "pilot_grant",
  "own_budget",
  "other",
] as const;

export const FundingSchema = z
  .strictObject({ source: z.enum(FUNDING_SOURCES, { message: `must be one of ${FUNDING_SOURCES.join(", ")}` }) })
  .openapi("SetFunding");


/** Either `{noShow: true}` or `{actualStart, actualMinutes}`: one object so each issue names its field. */
export const OutcomeSchema = z
  .strictObject({
    noShow: z.literal(true, { message: "must be true; to record a session that took place send actualStart and actualMinutes" }).optional(),
    actualStart: InstantInputSchema.optional(),
    actualMinutes: MinutesSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.noShow) {
      for (const key of ["actualStart", "actualMinutes"] as const) {
        if (o[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "not with noShow" });
      }
      return;
    }
    if (o.actualStart === undefined) ctx.addIssue({ code: "custom", path: ["actualStart"], message: "required unless noShow is true" });
    if (o.actualMinutes === undefined) ctx.addIssue({ code: "custom", path: ["actualMinutes"], message: "required unless noShow is true" });
  })
  .openapi("RecordOutcome", { description: '`{"noShow": true}` or `{"actualStart": "...", "actualMinutes": 38}`' });

/** A draft consultation that continues one whose evaluation asked for more; topic and expert default to the origin's. */
export const CreateFollowUpSchema = CreateConsultationSchema.partial({ topicId: true, expertId: true }).openapi("CreateFollowUp");

export const FollowUpConsultationSchema = ConsultationSchema.extend({
  followUpOf: z.string().openapi({ description: "The consultation this one follows up" }),
}).openapi("FollowUpConsultation");

/** The evaluation-related state of one consultation, as the coordinator records it. */
export const ConsultationRecordSchema = z
  .object({
    consultationId: z.string(),
    status: StatusSchema,
    evaluation: EvaluationWindowSchema,
    outcome: z.object({ noShow: z.boolean(), actualStart: z.string().nullable(), actualMinutes: z.number().int().nullable() }),
    fundingSource: z.enum(FUNDING_SOURCES).nullable(),
    followUpOf: z.string().nullable(),
  })
  .openapi("ConsultationRecord");

export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type RecordOutcome = z.infer<typeof OutcomeSchema>;
export type CreateFollowUp = z.infer<typeof CreateFollowUpSchema>;
export type ConsultationRecordView = z.infer<typeof ConsultationRecordSchema>;
