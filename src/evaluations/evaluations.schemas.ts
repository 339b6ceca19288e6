import { z } from "@hono/zod-openapi";
import { orNull } from "../lib/common-schemas.js";
import { StatusSchema } from "../consultations/consultations.schemas.js";

export const FREE_TEXT_MAX = 2000;
export const FOLLOW_UP_TOPIC_MAX = 200;

const score = (what: string) =>
  z
    .number({ message: "must be a number from 1 to 5" })
    .int({ message: "must be a whole number from 1 to 5" })
    .min(1, { message: "must be from 1 to 5" })
    .max(5, { message: "must be from 1 to 5" })
    .openapi({ description: `${what}, 1 (poor) to 5 (excellent)`, example: 4 });

/** Optional free text; an empty form field ("") counts as not given. */
const freeText = (max: number, description: string) =>
  z.string().trim().max(max, { message: `must be at most ${max} characters` }).optional().openapi({ description });

export const DURATION_FITS = ["too_short", "right", "too_long"] as const;
export const MinutesSchema = z
  .number()
  .int({ message: "must be whole minutes" })
  .min(1, { message: "must be at least 1 minute" })
  .max(180, { message: "must be at most 180 minutes" });

export const SubmitEvaluationSchema = z
  .strictObject({
    usefulness: score("How useful the consultation was for the development challenge"),
    preparation: score("Members: how well the expert answered our questions. Expert: how well the brief prepared me"),
    durationFit: z.enum(DURATION_FITS, { message: "must be one of too_short, right, too_long" }),
    actualMinutes: MinutesSchema.optional().openapi({ description: "How long the session really lasted" }),
    technicalQuality: score("Sound, picture and connection"),
    wouldRecommend: z.boolean({ message: "must be true or false" }),
    followUpInterest: z.boolean({ message: "must be true or false" }),
    followUpTopic: freeText(FOLLOW_UP_TOPIC_MAX, "What a follow-up should be about; only with followUpInterest true"),
    learnings: freeText(FREE_TEXT_MAX, "What we learned; seen by the coordinator only"),
    improvements: freeText(FREE_TEXT_MAX, "What to do better; seen by the coordinator only"),
  })
  .superRefine((e, ctx) => {
    if (e.followUpTopic && !e.followUpInterest) {
      ctx.addIssue({ code: "custom", path: ["followUpTopic"], message: "only with followUpInterest true" });
    }
  })
  .openapi("SubmitEvaluation");

const evaluationFields = {
  id: z.string(),
  consultationId: z.string(),
  side: z.enum(["member", "expert"]),
  usefulness: z.number().int(),
  preparation: z.number().int(),
  durationFit: z.enum(DURATION_FITS),
  actualMinutes: z.number().int().nullable(),
  technicalQuality: z.number().int(),
  wouldRecommend: z.boolean(),
  followUpInterest: z.boolean(),
  followUpTopic: z.string().nullable(),
  learnings: z.string().nullable(),
  improvements: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string().openapi({ description: "Later than submittedAt when a second submission replaced the first" }),
};

/** One evaluation with its free text: for its own author and the coordinator. Never names its author. */
export const EvaluationSchema = z.object(evaluationFields).openapi("Evaluation");

const ResponseCountSchema = z.object({ received: z.number().int(), possible: z.number().int() });
const ScoreSummarySchema = z.object({ mean: z.number(), median: z.number(), n: z.number().int() });

export const EvaluationWindowSchema = z.object({
  open: z.boolean(),
  closesAt: z.string().nullable().openapi({ description: "Null until the session has a confirmed time" }),
});

const commonView = {
  consultationId: z.string(),
  status: StatusSchema,
  evaluation: EvaluationWindowSchema,
  responses: z.object({ member: ResponseCountSchema, expert: ResponseCountSchema }),
};

export const CoordinatorEvaluationsSchema = z
  .object({
    view: z.literal("coordinator"),
    ...commonView,
    outcome: z.object({ noShow: z.boolean(), actualStart: z.string().nullable(), actualMinutes: z.number().int().nullable() }),
    fundingSource: z.string().nullable(),
    followUpOf: z.string().nullable(),
    items: z.array(EvaluationSchema),
  })
  .openapi("CoordinatorEvaluations");

/** A group sees figures of its own members' evaluations only, and only from 3 of them up. */
export const GroupEvaluationsSchema = z
  .object({
    view: z.literal("group"),
    ...commonView,
    memberFigures: z.union([
      z.object({ suppressed: z.literal(true) }),
      z.object({
        suppressed: z.literal(false),
        evaluations: z.number().int(),
        usefulness: ScoreSummarySchema,
        preparation: ScoreSummarySchema,
        technicalQuality: ScoreSummarySchema,
        wouldRecommendShare: z.number(),
        durationFit: z.object({ tooShort: z.number().int(), right: z.number().int(), tooLong: z.number().int() }),
        followUpInterest: z.number().int(),
      }),
    ]),
  })
  .openapi("GroupEvaluations");

/** The expert's evaluation form, through the link: open or not, and what the expert sent before. */
export const ExpertEvaluationViewSchema = z
  .object({ consultationId: z.string(), status: StatusSchema, evaluation: EvaluationWindowSchema, mine: orNull(EvaluationSchema) })
  .openapi("ExpertEvaluationView");

export const EvaluationsViewSchema = z.union([CoordinatorEvaluationsSchema, GroupEvaluationsSchema]).openapi("EvaluationsView");

export type SubmitEvaluation = z.infer<typeof SubmitEvaluationSchema>;
export type Evaluation = z.infer<typeof EvaluationSchema>;
export type CoordinatorEvaluations = z.infer<typeof CoordinatorEvaluationsSchema>;
export type GroupEvaluations = z.infer<typeof GroupEvaluationsSchema>;
export type ExpertEvaluationView = z.infer<typeof ExpertEvaluationViewSchema>;
