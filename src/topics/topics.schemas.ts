import { z } from "@hono/zod-openapi";
import { text } from "../lib/common-schemas.js";

export const BRIEF_LIMITS = { challenge: 2000, question: 500, minQuestions: 1, maxQuestions: 7 } as const;

export const CreateTopicSchema = z
  .strictObject({
    title: text(200),
    theme: text(100).openapi({
      description: "A theme's key from the managed list (GET /api/themes; case does not matter, so its English name works too). Another text is refused with 400 VALIDATION_FAILED, issue path `theme`, rule `themeList`.",
      example: "child protection",
    }),
    description: text(4000),
  })
  .openapi("CreateTopic");

export const CreateBriefSchema = z
  .strictObject({
    challenge: text(BRIEF_LIMITS.challenge).openapi({ description: "The challenge or theme, at most 2,000 characters" }),
    questions: z
      .array(text(BRIEF_LIMITS.question))
      .min(BRIEF_LIMITS.minQuestions, { message: "at least 1 question" })
      .max(BRIEF_LIMITS.maxQuestions, { message: "at most 7 questions" }),
    language: z.enum(["fi", "sv", "en"]).openapi({ description: "The language the brief is written in" }),
  })
  .openapi("CreateBrief");

export const BriefSchema = z
  .object({
    id: z.string(),
    topicId: z.string(),
    challenge: z.string(),
    questions: z.array(z.string()),
    language: z.string(),
    createdAt: z.string(),
  })
  .openapi("Brief");

export const TopicSchema = z
  .object({
    id: z.string(),
    groupId: z.string(),
    title: z.string(),
    theme: z.string(),
    description: z.string(),
    createdAt: z.string(),
  })
  .openapi("Topic");

export const TopicWithBriefsSchema = TopicSchema.extend({ briefs: z.array(BriefSchema) }).openapi("TopicWithBriefs");

export type CreateTopic = z.infer<typeof CreateTopicSchema>;
export type CreateBrief = z.infer<typeof CreateBriefSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Brief = z.infer<typeof BriefSchema>;
