import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** migrations/0003_accessibility_feedback.sql. Kept here: only the accessibility pages use it. */
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
}

export type AccessibilityFeedback = AccessibilityFeedbackTable;

const withFeedback = (db: Kysely<DB>) => db.withTables<{ accessibility_feedback: AccessibilityFeedbackTable }>();

export async function insertFeedback(db: Kysely<DB>, row: AccessibilityFeedback): Promise<void> {
  await withFeedback(db).insertInto("accessibility_feedback").values(row).execute();
}

/** Unanswered first, the most urgent at the top; then the answered ones, newest first. */
export async function listFeedback(db: Kysely<DB>, limit = 200): Promise<AccessibilityFeedback[]> {
  const rows = await withFeedback(db).selectFrom("accessibility_feedback").selectAll().orderBy("receivedAt", "desc").limit(limit).execute();
  const open = rows.filter((r) => !r.answeredAt).sort((a, b) => a.answerBy.localeCompare(b.answerBy));
  return [...open, ...rows.filter((r) => r.answeredAt)];
}
