import { z } from "@hono/zod-openapi";
import { DateTime } from "luxon";
import type { Deps } from "../deps.js";
import { readTogether } from "../db/read-together.js";
import { text } from "../lib/common-schemas.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import type { Lang } from "../pages/i18n/vocabulary.js";
import { feedbackExists, feedbackListFromRows, insertFeedback, listFeedbackQueries, markFeedbackAnswered, type AccessibilityFeedback } from "./feedback.repo.js";

export type { AccessibilityFeedback };

/** Act 306/2019: feedback on accessibility is answered within 14 days. */
export const ANSWER_WITHIN_DAYS = 14;

/** Empty optional fields arrive as "" from a form: they mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const FeedbackInputSchema = z.object({
  message: text(4000),
  pageUrl: optional(text(500)),
  name: optional(text(200)),
  email: optional(z.email({ message: "must be an e-mail address" }).max(320)),
});

/** As the form sends it: every field a string, the optional ones possibly empty. */
export interface FeedbackInput {
  message: string;
  pageUrl?: string;
  name?: string;
  email?: string;
}

export const answerByFor = (receivedAt: Date): string =>
  DateTime.fromJSDate(receivedAt, { zone: "utc" }).plus({ days: ANSWER_WITHIN_DAYS }).toISO()!;

export async function submitFeedback(
  deps: Pick<Deps, "db" | "clock">,
  input: FeedbackInput,
  language: Lang,
): Promise<{ ok: true; feedback: AccessibilityFeedback } | { ok: false; error: z.ZodError }> {
  const parsed = FeedbackInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const now = deps.clock.now();
  const feedback: AccessibilityFeedback = {
    id: newId(),
    receivedAt: now.toISOString(),
    answerBy: answerByFor(now),
    language,
    message: parsed.data.message,
    pageUrl: parsed.data.pageUrl ?? null,
    name: parsed.data.name ?? null,
    email: parsed.data.email?.toLowerCase() ?? null,
    answeredAt: null,
    answerNote: null,
  };
  await insertFeedback(deps.db, feedback);
  return { ok: true, feedback };
}

/** Past its answer-by date and still without an answer. */
export const isOverdue = (f: Pick<AccessibilityFeedback, "answerBy" | "answeredAt">, now: Date) =>
  !f.answeredAt && Date.parse(f.answerBy) < now.getTime();

export const FEEDBACK_PAGE_SIZE = 50;
export const ANSWER_NOTE_MAX = 1000;

export const AnswerFeedbackSchema = z.strictObject({ note: text(ANSWER_NOTE_MAX) }).openapi("AnswerFeedback");

/** A page of feedback, each item flagged when it is past its answer-by date. */
export async function feedbackPage(deps: Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>, page: { limit?: number; offset?: number } = {}) {
  const limit = page.limit ?? FEEDBACK_PAGE_SIZE;
  const offset = page.offset ?? 0;
  // The page and the count in one round trip (one snapshot, so the total matches the page).
  const rows = await readTogether(deps, listFeedbackQueries(deps.db, { limit, offset }));
  return flagged(feedbackListFromRows(rows as [AccessibilityFeedback[], { n: number }[]]), limit, offset, deps.clock.now());
}

/** feedbackPage's first page as statements, for a page that batches them with its own (feedbackPageFromRows). */
export const feedbackPageQueries = (deps: Pick<Deps, "db">) => listFeedbackQueries(deps.db, { limit: FEEDBACK_PAGE_SIZE, offset: 0 });

export const feedbackPageFromRows = (rows: [AccessibilityFeedback[], { n: number }[]], now: Date) =>
  flagged(feedbackListFromRows(rows), FEEDBACK_PAGE_SIZE, 0, now);

function flagged({ items, total }: { items: AccessibilityFeedback[]; total: number }, limit: number, offset: number, now: Date) {
  return { items: items.map((f) => ({ ...f, overdue: isOverdue(f, now) })), total, limit, offset };
}

/** The coordinator has answered (by mail or phone, outside the service) and notes how. */
export async function answerFeedback(deps: Pick<Deps, "db" | "clock">, id: string, note: string): Promise<Result<{ id: string; answeredAt: string }>> {
  const parsed = AnswerFeedbackSchema.safeParse({ note });
  if (!parsed.success) return fail("VALIDATION_FAILED", "Invalid body: note: " + parsed.error.issues[0]!.message, [{ path: "note", message: parsed.error.issues[0]!.message }]);
  const at = deps.clock.now().toISOString();
  if (await markFeedbackAnswered(deps.db, id, at, parsed.data.note)) return ok({ id, answeredAt: at });
  if (!(await feedbackExists(deps.db, id))) return fail("NOT_FOUND", `No feedback with id ${id}`);
  return fail("CONFLICT", "This feedback has already been answered");
}
