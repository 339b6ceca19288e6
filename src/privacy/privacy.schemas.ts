import { z } from "@hono/zod-openapi";
import { IdSchema } from "../lib/common-schemas.js";

const subjectFields = {
  email: z.email({ message: "must be an e-mail address" }).max(320).optional().openapi({ description: "Everyone the service holds under this address" }),
  memberId: IdSchema.optional().openapi({ description: "A development-group member" }),
  expertId: IdSchema.optional().openapi({ description: "An expert of the directory" }),
};

const exactlyOne = (s: { email?: string | undefined; memberId?: string | undefined; expertId?: string | undefined }) =>
  [s.email, s.memberId, s.expertId].filter((v) => v !== undefined).length === 1;
const exactlyOneMessage = { message: "give exactly one of email, memberId, expertId" };

/** Whose data: one e-mail address (members, experts and feedback senders alike) or one id. */
export const SubjectQuerySchema = z
  .object({
    email: subjectFields.email.openapi({ param: { name: "email", in: "query" } }),
    memberId: subjectFields.memberId.openapi({ param: { name: "memberId", in: "query" } }),
    expertId: subjectFields.expertId.openapi({ param: { name: "expertId", in: "query" } }),
  })
  .refine(exactlyOne, exactlyOneMessage);

export const ErasureRequestSchema = z.strictObject(subjectFields).refine(exactlyOne, exactlyOneMessage).openapi("ErasureRequest");

export type Subject = z.infer<typeof SubjectQuerySchema>;

const Row = z.record(z.string(), z.unknown());

/** GDPR Art. 15 and 20: everything held about the person, in a machine-readable document. */
export const PersonalDataExportSchema = z
  .object({
    exportedAt: z.string(),
    subject: z.object({ email: z.string().nullable(), memberIds: z.array(z.string()), expertIds: z.array(z.string()) }),
    members: z.array(
      z.object({
        record: Row,
        group: Row.nullable(),
        tokens: z.array(Row),
        consultations: z.array(Row).openapi({ description: "The group's consultations: every member is invited to them" }),
        topics: z.array(Row),
        briefs: z.array(Row),
        evaluations: z.array(Row),
        audit: z.array(Row),
        messages: z.array(Row).openapi({ description: "Mail and calendar commands that quote what the member wrote" }),
      }),
    ),
    experts: z.array(
      z.object({
        record: Row,
        organisation: Row.nullable(),
        consultations: z.array(Row),
        links: z.array(Row),
        evaluations: z.array(Row),
        audit: z.array(Row),
      }),
    ),
    accessibilityFeedback: z.array(Row),
    messages: z.array(Row).openapi({ description: "Mail and calendar commands whose content holds the address" }),
  })
  .openapi("PersonalDataExport");

export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

export const ErasureResultSchema = z
  .object({
    erasedAt: z.string(),
    memberIds: z.array(z.string()),
    expertIds: z.array(z.string()),
    accessibilityFeedback: z.number().int().openapi({ description: "Feedback messages deleted" }),
  })
  .openapi("ErasureResult");

export type ErasureResult = z.infer<typeof ErasureResultSchema>;
