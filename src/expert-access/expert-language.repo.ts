import type { Expression, Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export type PageLanguage = "fi" | "sv" | "en";

/** The language the expert chose on their page (migrations/0013), for the mails they receive. */
export async function storeExpertLanguage(db: Kysely<DB>, expertId: string, lang: PageLanguage): Promise<void> {
  // One conditional statement: writes only when the choice changed.
  await db
    .updateTable("experts")
    .set({ preferredLanguage: lang })
    .where("id", "=", expertId)
    .where((eb) => eb.or([eb("preferredLanguage", "is", null), eb("preferredLanguage", "!=", lang)]))
    .execute();
}

/** The expert's listed languages and the one chosen on their page; `expertId` may be a subquery, to ride in a batch. */
export const expertLanguagesQuery = (db: Kysely<DB>, expertId: string | Expression<string>) =>
  db.selectFrom("experts").select(["languages", "preferredLanguage"]).where("id", "=", expertId).compile();

export function expertLanguagesOf([row]: { languages: string; preferredLanguage: PageLanguage | null }[]): { listed: string[]; chosen: PageLanguage | null } {
  return { listed: row ? (JSON.parse(row.languages) as string[]) : [], chosen: row?.preferredLanguage ?? null };
}

/** The expert's listed languages and the one chosen on their page, in one statement. */
export async function expertLanguages(db: Kysely<DB>, expertId: string): Promise<{ listed: string[]; chosen: PageLanguage | null }> {
  return expertLanguagesOf((await db.executeQuery(expertLanguagesQuery(db, expertId))).rows);
}
