import { z } from "@hono/zod-openapi";
import { IdSchema, UtcInstantSchema, text, orNull } from "../lib/common-schemas.js";
import { SLOT_RULES } from "./proposed-slots.js";

export const STATUSES = ["draft", "requested", "confirmed", "held", "evaluated", "declined", "cancelled", "expired"] as const;
export const StatusSchema = z.enum(STATUSES).openapi("ConsultationStatus");

export const SlotInputSchema = z.strictObject({
  // Checked by planProposedSlots, so that each issue names its slot and rule.
  start: z.string().max(40).openapi({ example: "2027-03-29T10:00:00+03:00", description: "ISO 8601 instant with offset or Z, at most 12 months ahead" }),
});

export const SlotsInputSchema = z
  .array(SlotInputSchema)
  .min(SLOT_RULES.minSlots, { message: "propose at least 2 times" })
  .max(SLOT_RULES.maxSlots, { message: "propose at most 5 times" });

export const CreateConsultationSchema = z
  .strictObject({
    topicId: IdSchema,
    briefId: IdSchema,
    expertId: IdSchema,
    durationMinutes: z
      .number()
      .int({ message: "must be whole minutes" })
      .min(SLOT_RULES.minDuration, { message: "must be at least 30 minutes" })
      .max(SLOT_RULES.maxDuration, { message: "must be at most 45 minutes" }),
    slots: SlotsInputSchema,
  })
  .openapi("CreateConsultation");

export const AcceptCounterSchema = z.strictObject({ slotId: IdSchema }).openapi("AcceptCounterProposal");

/** The expert's own times: up to 3, each validated as the group's are (grid, future, no overlap). */
export const CounterSlotsInputSchema = z
  .array(SlotInputSchema)
  .min(SLOT_RULES.minCounterSlots, { message: "propose at least 1 time" })
  .max(SLOT_RULES.maxCounterSlots, { message: "propose at most 3 times" });

export const MeetingLinkSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https$/, message: "must be an https:// link" })
      .max(500, { message: "must be at most 500 characters" })
      .nullable()
      .openapi({ description: "The meeting link the group made itself (e.g. a Teams link); null removes it", example: "https://teams.microsoft.com/l/meetup-join/example" }),
  })
  .openapi("MeetingLink");

export const CancelSchema = z.strictObject({ reason: text(1000) }).openapi("CancelConsultation");

export const SlotSchema = z.object({ id: z.string(), start: UtcInstantSchema, end: UtcInstantSchema }).openapi("Slot");

export const MeetingSchema = z
  .object({
    provider: z.enum(["ics", "graph"]),
    state: z.enum(["scheduled", "cancelled"]),
    joinUrl: z.string().nullable().openapi({ description: "The Teams join link, when the meeting is in Teams" }),
    iCalUId: z.string(),
    start: UtcInstantSchema,
    end: UtcInstantSchema,
  })
  .openapi("Meeting");

export const ConsultationSchema = z
  .object({
    id: z.string(),
    status: StatusSchema,
    groupId: z.string(),
    topic: z.object({ id: z.string(), title: z.string(), theme: z.string() }),
    briefId: z.string(),
    expert: z.object({ id: z.string(), name: z.string(), organisation: z.string(), country: z.string(), timeZone: z.string() }),
    durationMinutes: z.number().int(),
    slots: z.array(SlotSchema).openapi({ description: "The proposed times of the current round, UTC" }),
    round: z.number().int().openapi({ description: "Counts the sets of times: 0 for the first, one more with each reschedule or counter-proposal" }),
    slotsProposedBy: z.enum(["group", "expert"]).openapi({
      description: "Who proposed the current round: `expert` when the expert proposed other times, which the group may accept (POST …/accept) or answer with new times (POST …/reschedule)",
    }),
    confirmedSlot: orNull(SlotSchema),
    meeting: orNull(MeetingSchema).openapi({ description: "Null until the meeting has been created" }),
    requestedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    closeReason: z.string().nullable().openapi({ description: "Why it was declined (the expert's words) or cancelled (the group's), when a reason was given" }),
    ownMeetingUrl: z.string().nullable().openapi({ description: "The meeting link the group pasted itself; meeting.joinUrl carries it until a tenant's meeting has its own" }),
    followUpOf: z.string().nullable().openapi({ description: "The consultation this one follows up" }),
    fundingSource: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Consultation");

export const ExpertMessageSchema = z
  .object({
    to: z.object({ name: z.string(), email: z.string() }),
    subject: z.string(),
    body: z.string(),
    sent: z.boolean().openapi({ description: "true when the service sends it; false in ICS mode: the group sends it itself" }),
    lang: z.string().openapi({ description: "The language the message is written in (the expert's)", example: "sv" }),
  })
  .openapi("ExpertMessage");

export const RequestedConsultationSchema = ConsultationSchema.extend({
  expertLink: z.string().openapi({ description: "The expert's personal link; shown to the group only now" }),
  linkKept: z.boolean().openapi({ description: "Whether the service keeps the link sealed (SECRET_KEY set), so that any member of the group can show the message again on the pages; otherwise only a new link helps" }),
  expertMessage: ExpertMessageSchema,
}).openapi("RequestedConsultation");

export type CreateConsultation = z.infer<typeof CreateConsultationSchema>;
export type Consultation = z.infer<typeof ConsultationSchema>;
export type Slot = z.infer<typeof SlotSchema>;
