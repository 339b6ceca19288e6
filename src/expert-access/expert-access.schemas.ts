import { z } from "@hono/zod-openapi";
import { IdSchema, UtcInstantSchema, text, orNull } from "../lib/common-schemas.js";
import { CounterSlotsInputSchema, StatusSchema } from "../consultations/consultations.schemas.js";

export const SecretParamSchema = z.object({
  secret: z.string().min(1).max(200).openapi({ param: { name: "secret", in: "path" }, description: "The secret from the expert's link" }),
});

const LocalTimesSchema = z.object({ start: z.string(), end: z.string(), timeZone: z.string() });

export const ExpertSlotSchema = z
  .object({
    id: z.string(),
    start: UtcInstantSchema,
    end: UtcInstantSchema,
    local: LocalTimesSchema.openapi({ description: "In the expert's own time zone" }),
    groupLocal: LocalTimesSchema.openapi({ description: "In the development group's time zone" }),
  })
  .openapi("ExpertSlot");

export const ExpertViewSchema = z
  .object({
    consultationId: z.string(),
    status: StatusSchema,
    durationMinutes: z.number(),
    group: z.object({ name: z.string(), organisation: z.string(), timeZone: z.string() }),
    topic: z.object({ id: z.string(), title: z.string(), theme: z.string() }),
    brief: z.object({ challenge: z.string(), questions: z.array(z.string()), language: z.string() }),
    expert: z.object({ name: z.string(), timeZone: z.string() }),
    slots: z.array(ExpertSlotSchema),
    slotsProposedBy: z.enum(["group", "expert"]).openapi({ description: "`expert`: these are the times the expert proposed; the group answers next" }),
    round: z.number().int().openapi({ description: "0 for the first times; one more with each reschedule or counter-proposal (the earlier times are withdrawn)" }),
    confirmedSlot: orNull(ExpertSlotSchema),
    meeting: z.object({ joinUrl: z.string().nullable(), start: z.string(), end: z.string() }).nullable(),
  })
  .openapi("ExpertView");

export const ConfirmSchema = z.strictObject({ slotId: IdSchema }).openapi("ConfirmSlot");
export const DeclineSchema = z.strictObject({ reason: text(1000).optional() }).openapi("Decline");

export const ProposeOtherTimesSchema = z
  .strictObject({ slots: CounterSlotsInputSchema })
  .openapi("ProposeOtherTimes", { description: "1 to 3 start times, each an ISO 8601 instant with its offset (the page enters them in the expert's zone)" });
