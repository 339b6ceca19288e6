import { sql, type Kysely, type Updateable } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import { refreshReportRows } from "../reports/report-rows.js";
import type { DB } from "../db/schema.js";
import type { NordicCountry } from "../lib/common-schemas.js";
import { afterKey, mapPage, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Expert, ExpertFilter, Organisation } from "./directory.schemas.js";

type OrgRow = DB["organisations"];

export function toOrganisation(r: OrgRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    country: r.country as NordicCountry,
    website: r.website,
    criteria: {
      nationallySignificant: r.nationallySignificant === 1,
      innovative: r.innovative === 1,
      evidenceBased: r.evidenceBased === 1,
    },
    criteriaNote: r.criteriaNote,
    createdAt: r.createdAt,
  };
}

export async function insertOrganisation(db: Kysely<DB>, o: Organisation): Promise<void> {
  await db
    .insertInto("organisations")
    .values({
      id: o.id,
      name: o.name,
      country: o.country,
      website: o.website,
      nationallySignificant: o.criteria.nationallySignificant ? 1 : 0,
      innovative: o.criteria.innovative ? 1 : 0,
      evidenceBased: o.criteria.evidenceBased ? 1 : 0,
      criteriaNote: o.criteriaNote,
      createdAt: o.createdAt,
    })
    .execute();
}

/** By name, one page at a time; without a page, all of them. */
export async function listOrganisations(db: Kysely<DB>, page?: PageRequest): Promise<Page<Organisation>> {
  if (!page) return { items: organisationsFromRows((await db.executeQuery(allOrganisationsQuery(db))).rows), nextCursor: null };
  let q = db.selectFrom("organisations").selectAll();
  if (page.after) q = q.where(afterKey([{ column: "name" }, { column: "id" }], page.after));
  const rows = await q.orderBy("name").orderBy("id").limit(page.limit + 1).execute();
  return mapPage(toPage("organisations", rows, page.limit, (o) => [o.name, o.id]), toOrganisation);
}

export async function findOrganisation(db: Kysely<DB>, id: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toOrganisation(row);
}

function expertsQuery(db: Kysely<DB>) {
  return db
    .selectFrom("experts")
    .innerJoin("organisations", "organisations.id", "experts.organisationId")
    .selectAll("experts")
    .select([
      "organisations.name as orgName",
      "organisations.country as orgCountry",
      "organisations.nationallySignificant",
      "organisations.innovative",
      "organisations.evidenceBased",
    ]);
}

type ExpertJoinRow = Awaited<ReturnType<ReturnType<typeof expertsQuery>["executeTakeFirstOrThrow"]>>;

function toExpert(r: ExpertJoinRow): Expert {
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisation: {
      name: r.orgName,
      country: r.orgCountry as NordicCountry,
      criteria: {
        nationallySignificant: r.nationallySignificant === 1,
        innovative: r.innovative === 1,
        evidenceBased: r.evidenceBased === 1,
      },
    },
    name: r.name,
    email: r.email,
    languages: JSON.parse(r.languages) as string[],
    timeZone: r.timeZone,
    themes: JSON.parse(r.themes) as string[],
    active: r.active === 1,
    createdAt: r.createdAt,
  };
}

export async function insertExpert(db: Kysely<DB>, e: Omit<Expert, "organisation" | "active">): Promise<void> {
  await db
    .insertInto("experts")
    .values({
      id: e.id,
      organisationId: e.organisationId,
      name: e.name,
      email: e.email,
      languages: JSON.stringify(e.languages),
      themes: JSON.stringify(e.themes),
      timeZone: e.timeZone,
      createdAt: e.createdAt,
    })
    .execute();
}

export async function findExpert(db: Kysely<DB>, id: string): Promise<Expert | undefined> {
  const row = await expertsQuery(db).where("experts.id", "=", id).executeTakeFirst();
  return row && toExpert(row);
}

/** The stored themes (JSON lists) of every expert in the directory, active or not; erased ones are gone. */
export const expertThemesQuery = (db: Kysely<DB>) =>
  expertsQuery(db).clearSelect().select("experts.themes").where("experts.erasedAt", "is", null);

/** The whole directory filtered, by name, as a statement for a page's batch (expertsFromRows reads its rows). */
export const allExpertsQuery = (db: Kysely<DB>, q: ExpertFilter) => filteredExperts(db, q).orderBy("experts.name").orderBy("experts.id").compile();
export const expertsFromRows = (rows: readonly unknown[]): Expert[] => rows.map((r) => toExpert(r as Parameters<typeof toExpert>[0]));

/** All organisations by name, as a statement for a page's batch. */
export const allOrganisationsQuery = (db: Kysely<DB>) => db.selectFrom("organisations").selectAll().orderBy("name").orderBy("id").compile();
export const organisationsFromRows = (rows: readonly unknown[]): Organisation[] => rows.map((r) => toOrganisation(r as Parameters<typeof toOrganisation>[0]));

/** The directory: experts who can be chosen, so not the erased ones. By name, one page at a time; without a page, every match (the pages' directory step). */
export async function searchExperts(db: Kysely<DB>, q: ExpertFilter, page?: PageRequest): Promise<Page<Expert>> {
  if (!page) return { items: expertsFromRows((await db.executeQuery(allExpertsQuery(db, q))).rows), nextCursor: null };
  let query = filteredExperts(db, q);
  if (page.after) query = query.where(afterKey([{ column: "experts.name" }, { column: "experts.id" }], page.after));
  query = query.orderBy("experts.name").orderBy("experts.id");
  const rows = await query.limit(page.limit + 1).execute();
  return mapPage(toPage("experts", rows, page.limit, (e) => [e.name, e.id]), toExpert);
}

function filteredExperts(db: Kysely<DB>, q: ExpertFilter) {
  let query = expertsQuery(db).where("experts.erasedAt", "is", null);
  if (q.country) query = query.where("organisations.country", "=", q.country);
  if (q.theme) {
    const theme = q.theme.toLowerCase();
    query = query.where(sql<boolean>`exists (select 1 from json_each(experts.themes) where lower(value) = ${theme})`);
  }
  if (q.language) {
    query = query.where(sql<boolean>`exists (select 1 from json_each(experts.languages) where value = ${q.language})`);
  }
  if (q.includeInactive !== "true") query = query.where("experts.active", "=", 1);
  if (q.q) {
    // LIKE's own wildcards in the search text are matched literally.
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(experts.name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(organisations.name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(experts.email) like ${pattern} escape '\\'`,
      ]),
    );
  }
  return query;
}

/** The stored columns an update may change, already in their stored form. */
export type OrganisationChanges = Omit<Updateable<DB["organisations"]>, "id" | "createdAt">;
export type ExpertChanges = Omit<Updateable<DB["experts"]>, "id" | "createdAt">;

/**
 * One conditional write; false when there is no such organisation. A new country goes into the
 * report's rows of its experts' consultations in the same atomic batch.
 */
export async function updateOrganisation(deps: { db: Kysely<DB>; atomic: AtomicWrite }, id: string, changes: OrganisationChanges): Promise<boolean> {
  const update = deps.db.updateTable("organisations").set(changes).where("id", "=", id).compile();
  const [r] = await deps.atomic(changes.country === undefined ? [update] : [update, ...refreshReportRows(deps.db, { organisationId: id })]);
  return r!.changes === 1;
}

/**
 * One conditional write; false when there is no such expert. A duplicate active e-mail throws a
 * UNIQUE violation. A move to another organisation (its country) reaches the report's rows in the same batch.
 */
export async function updateExpert(deps: { db: Kysely<DB>; atomic: AtomicWrite }, id: string, changes: ExpertChanges): Promise<boolean> {
  const update = deps.db.updateTable("experts").set(changes).where("id", "=", id).compile();
  const [r] = await deps.atomic(changes.organisationId === undefined ? [update] : [update, ...refreshReportRows(deps.db, { expertId: id })]);
  return r!.changes === 1;
}
