import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Theme, UpdateTheme } from "./themes.schemas.js";

const BY_KEY = [{ column: "key" }, { column: "id" }];

/** Every theme, as a compiled statement to batch with a page's other reads. */
export const allThemesQuery = (db: Kysely<DB>) => db.selectFrom("themes").selectAll().orderBy("key").orderBy("id").compile();

/** By key, one page at a time; without a page, the whole list (tens of themes). */
export async function listThemes(db: Kysely<DB>, page?: PageRequest): Promise<Page<Theme>> {
  let q = db.selectFrom("themes").selectAll();
  if (!page) return { items: (await db.executeQuery(allThemesQuery(db))).rows, nextCursor: null };
  if (page.after) q = q.where(afterKey(BY_KEY, page.after));
  return toPage("themes", await q.orderBy("key").orderBy("id").limit(page.limit + 1).execute(), page.limit, (t) => [t.key, t.id]);
}

export async function findTheme(db: Kysely<DB>, id: string): Promise<Theme | undefined> {
  return db.selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A second theme with the same key throws a UNIQUE violation (themes_key). */
export async function insertTheme(db: Kysely<DB>, theme: Theme): Promise<void> {
  await db.insertInto("themes").values(theme).execute();
}

export async function renameTheme(db: Kysely<DB>, id: string, names: UpdateTheme): Promise<Theme | undefined> {
  return db.updateTable("themes").set(names).where("id", "=", id).returningAll().executeTakeFirst();
}
