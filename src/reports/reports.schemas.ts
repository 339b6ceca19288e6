import { z } from "@hono/zod-openapi";
import { CountrySchema, IdSchema } from "../lib/common-schemas.js";
import { parsePeriodBound } from "./report-period.js";

const bound = (name: "from" | "to", description: string) =>
  z
    .string()
    .max(40)
    .refine((v) => parsePeriodBound(v, name) !== null, { message: "must be a date such as 2027-03-01 or an instant with an offset" })
    .optional()
    .openapi({ param: { name, in: "query" }, description, example: name === "from" ? "2027-01-01" : "2027-06-30" });

/** Strict, so that a misspelt filter (?contry=SE) is a 400 rather than a silently unfiltered report. */
export const ReportQuerySchema = z
  .strictObject({
    from: bound("from", "Consultations created on or after this day (Europe/Helsinki) or instant"),
    to: bound("to", "Consultations created on or before this day (Europe/Helsinki), or before this instant"),
    theme: z.string().trim().min(1).max(100).optional().openapi({ param: { name: "theme", in: "query" }, example: "child protection" }),
    country: CountrySchema.optional().openapi({ param: { name: "country", in: "query" }, description: "The expert's country" }),
    programme: z
      .union([IdSchema, z.literal("none")], { error: 'must be a programme\'s id (UUID) or "none"' })
      .optional()
      .openapi({
        param: { name: "programme", in: "query" },
        description: 'A programme\'s id (GET /api/programmes), or "none" for consultations that belong to no programme',
        example: "none",
      }),
  })
  .superRefine((q, ctx) => {
    const from = q.from && parsePeriodBound(q.from, "from");
    const to = q.to && parsePeriodBound(q.to, "to");
    if (from && to && from >= to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  });

export const CsvQuerySchema = ReportQuerySchema.safeExtend({
  separator: z
    .enum(["comma", "semicolon"])
    .default("comma")
    .openapi({
      param: { name: "separator", in: "query" },
      description: "comma (RFC 4180) by default; Excel in Finnish, Swedish or Danish settings expects semicolon",
    }),
});

const rate = z.number().nullable().openapi({ description: "A fraction (0.667); null when there is nothing to divide by" });
const suppressed = z.object({ suppressed: z.literal(true) });
const suppressible = <T extends z.ZodRawShape>(shape: T) => z.union([suppressed, z.object({ suppressed: z.literal(false), ...shape })]);
const DistributionSchema = z.object({
  n: z.number().int(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
});
const ScoreSummarySchema = z.object({ mean: z.number(), median: z.number(), n: z.number().int() });
const CountShareSchema = z.object({ count: z.number().int(), share: z.number() });
const ResponseRateSchema = z.object({ received: z.number().int(), possible: z.number().int(), share: rate });
const threeRates = z.object({ confirmed: rate, held: rate, evaluated: rate });

const OutcomeGroupSchema = z
  .union([
    z.object({ key: z.string(), suppressed: z.literal(true) }),
    z.object({
      key: z.string(),
      suppressed: z.literal(false),
      consultations: z.number().int(),
      evaluations: z.number().int(),
      usefulness: ScoreSummarySchema,
      preparation: ScoreSummarySchema.openapi({
        deprecated: true,
        description: "Deprecated: members' and experts' preparation answers averaged together, though the two sides are asked different questions. Use questionsAnswered and briefPreparation.",
      }),
      questionsAnswered: ScoreSummarySchema.nullable().openapi({
        description:
          "Members' answers to \"How well did the expert answer our questions?\". null when no member answered, or when either side has answers from fewer than minGroupSize people (the combined figure would give them back).",
      }),
      briefPreparation: ScoreSummarySchema.nullable().openapi({
        description: "Experts' answers to \"How well did the brief prepare you?\". null as for questionsAnswered.",
      }),
      technicalQuality: ScoreSummarySchema,
      wouldRecommendShare: z.number(),
    }),
  ])
  .openapi("OutcomeGroup", { description: "Figures from fewer than minGroupSize evaluations are withheld" });

const ProgrammeOutcomeGroupSchema = z
  .intersection(
    OutcomeGroupSchema,
    z.object({ name: z.string().nullable().openapi({ description: "The programme's name; null for the consultations in no programme (key \"none\")" }) }),
  )
  .openapi("ProgrammeOutcomeGroup", { description: "An OutcomeGroup whose key is a programme's id, or \"none\"" });

/** Mirrors ConceptReport (concept-model.types.ts); the route's typing keeps the two in step. */
export const ConceptReportSchema = z
  .object({
    minGroupSize: z.number().int(),
    funnel: z.object({
      requested: z.number().int(),
      confirmed: z.number().int(),
      held: z.number().int(),
      evaluated: z.number().int(),
      declined: z.number().int(),
      expired: z.number().int(),
      cancelled: z.number().int(),
      stepRates: threeRates,
      ratesOfRequested: threeRates,
      medianDaysRequestToConfirm: z.number().nullable(),
      medianDaysConfirmToSession: z.number().nullable(),
    }),
    sessions: z.object({
      count: z.number().int(),
      noShows: z.number().int(),
      plannedMinutes: DistributionSchema,
      actualMinutes: DistributionSchema,
      shareWithin30to45: rate,
      durationFit: suppressible({ evaluations: z.number().int(), tooShort: CountShareSchema, right: CountShareSchema, tooLong: CountShareSchema }),
    }),
    outcomes: z.object({
      overall: OutcomeGroupSchema,
      bySide: z.array(OutcomeGroupSchema),
      byTheme: z.array(OutcomeGroupSchema),
      byExpertCountry: z.array(OutcomeGroupSchema),
      byProgramme: z.array(ProgrammeOutcomeGroupSchema).openapi({ description: "By programme, by name; the consultations in no programme last" }),
      byDuration: z.array(OutcomeGroupSchema),
      byQuestionCount: z.array(OutcomeGroupSchema),
      byChallengeLength: z.array(OutcomeGroupSchema),
    }),
    responseRates: z.object({ member: ResponseRateSchema, expert: ResponseRateSchema }),
    followUps: z.object({
      followUpsCreated: z.number().int(),
      consultationsThatLedToFollowUp: z.number().int(),
      interest: suppressible({ evaluations: z.number().int(), interestCount: z.number().int(), interestShare: z.number() }),
    }),
    funding: z.array(z.object({ source: z.string(), consultations: z.number().int() })),
  })
  .openapi("ConceptReport");

/** The report with when it was made and what it covers (bounds in UTC; `to` exclusive). */
export const ConceptReportResponseSchema = ConceptReportSchema.extend({
  generatedAt: z.string(),
  filter: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    theme: z.string().nullable(),
    country: z.string().nullable(),
    programme: z.string().nullable(),
  }),
}).openapi("ConceptReportResponse");

export type ReportQueryInput = z.infer<typeof ReportQuerySchema>;
export type CsvQueryInput = z.infer<typeof CsvQuerySchema>;
export type ConceptReportResponse = z.infer<typeof ConceptReportResponseSchema>;
