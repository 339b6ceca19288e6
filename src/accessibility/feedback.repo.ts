import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** migrations/0003_accessibility_feedback.sql (+ answerNote from 0012). Kept here: only this feature uses it. */
export interface AccessibilityFeedbackTable {
  id: string;
  receivedAt: string;
  answerBy: string;
  language: "fi" | "sv" | "en";
  message: string;
  pageUrl: string | null;
  name: string | null;
  email: string | null;
  answeredAt: string | null;
  answerNote: string | null;
}

export type AccessibilityFeedback = AccessibilityFeedbackTable;

const withFeedback = (db: Kysely<DB>) => db.withTables<{ accessibility_feedback: AccessibilityFeedbackTable }>();

export async function insertFeedback(db: Kysely<DB>, row: AccessibilityFeedback): Promise<void> {
  await withFeedback(db).insertInto("accessibility_feedback").values(row).execute();
}

/**
 * One page of feedback: unanswered first, the most urgent (earliest answer-by) at the top; then
 * the answered ones, newest first. Sorted in SQL before the page is cut, so the oldest open
 * item is always on the first page however many there are.
 *
 * As compiled statements (the page and the count), to read in one batch.
 */
export function listFeedbackQueries(db: Kysely<DB>, page: { limit: number; offset: number }) {
  const q = withFeedback(db).selectFrom("accessibility_feedback");
  return [
    q
      .selectAll()
      .orderBy(sql`answeredAt IS NOT NULL`)
      .orderBy(sql`CASE WHEN answeredAt IS NULL THEN answerBy END`)
      .orderBy("receivedAt", "desc")
      .orderBy("id")
      .limit(page.limit)
      .offset(page.offset)
      .compile(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).compile(),
  ] as const;
}

export function feedbackListFromRows([items, [count]]: [AccessibilityFeedback[], { n: number }[]]): { items: AccessibilityFeedback[]; total: number } {
  return { items, total: Number(count?.n ?? 0) };
}

/** Marks an open item answered; false when it is missing or was answered already (one conditional write). */
export async function markFeedbackAnswered(db: Kysely<DB>, id: string, at: string, note: string): Promise<boolean> {
  const r = await withFeedback(db)
    .updateTable("accessibility_feedback")
    .set({ answeredAt: at, answerNote: note })
    .where("id", "=", id)
    .where("answeredAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function feedbackExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await withFeedback(db).selectFrom("accessibility_feedback").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
