import { sql, type Kysely } from "kysely";
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

/**
 * Unanswered first, the most urgent at the top; then the answered ones, newest first.
 * Paged by position: the order mixes directions, and feedback arrives a few times a year.
 */
export async function listFeedback(db: Kysely<DB>, page: { limit: number; offset?: number } = { limit: 200 }): Promise<AccessibilityFeedback[]> {
  return withFeedback(db)
    .selectFrom("accessibility_feedback")
    .selectAll()
    .orderBy(sql`answeredAt is not null`)
    .orderBy(sql`case when answeredAt is null then answerBy end`)
    .orderBy("receivedAt", "desc")
    .orderBy("id")
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
}
