import type { Kysely } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import { refreshReportRows } from "../reports/report-rows.js";
import type { DB } from "../db/schema.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Programme } from "./programmes.schemas.js";

/** All programmes by name, as a statement to ride in a page's batch (they are a handful). */
export const allProgrammesQuery = (db: Kysely<DB>) => db.selectFrom("programmes").select(["id", "name", "description", "createdAt"]).orderBy("name").orderBy("id").compile();

/** The programme a consultation belongs to (no row: none), as a statement for a batch. */
export const programmeOfQuery = (db: Kysely<DB>, consultationId: string) =>
  db.selectFrom("consultation_programmes").select("programmeId").where("consultationId", "=", consultationId).compile();

/** By name, one page at a time; without a page, all of them (a handful). */
export async function listProgrammes(db: Kysely<DB>, page?: PageRequest): Promise<Page<Programme>> {
  if (!page) return { items: (await db.executeQuery(allProgrammesQuery(db))).rows, nextCursor: null };
  let q = db.selectFrom("programmes").select(["id", "name", "description", "createdAt"]);
  if (page.after) q = q.where(afterKey([{ column: "name" }, { column: "id" }], page.after));
  return toPage("programmes", await q.orderBy("name").orderBy("id").limit(page.limit + 1).execute(), page.limit, (p) => [p.name, p.id]);
}

/** A second programme with the same name (any case) throws a UNIQUE violation. */
export async function insertProgramme(db: Kysely<DB>, p: Programme): Promise<void> {
  await db.insertInto("programmes").values({ ...p, nameKey: p.name.trim().toLowerCase() }).execute();
}

/**
 * Puts a consultation in a programme, or takes it out (null): one statement each, and the
 * report's row of the consultation with it in one atomic batch. The foreign keys refuse an
 * unknown consultation or programme.
 */
export async function setProgrammeOf(
  deps: { db: Kysely<DB>; atomic: AtomicWrite },
  consultationId: string,
  programmeId: string | null,
  at: string,
): Promise<void> {
  const { db } = deps;
  const write =
    programmeId === null
      ? db.deleteFrom("consultation_programmes").where("consultationId", "=", consultationId).compile()
      : db
          .insertInto("consultation_programmes")
          .values({ consultationId, programmeId, setAt: at })
          .onConflict((oc) => oc.column("consultationId").doUpdateSet({ programmeId, setAt: at }))
          .compile();
  await deps.atomic([write, ...refreshReportRows(db, { consultationId })]);
}

export async function programmeExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom("programmes").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

