import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { recordAudit } from "../audit/audit.repo.js";
import type { Principal } from "../lib/auth.js";
import { actorOf } from "../lib/auth.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import { themeKeysOnList, themeNamerOf } from "../themes/themes.service.js";
import { allThemesQuery } from "../themes/themes.repo.js";
import { readTogether } from "../db/read-together.js";
import type { Lang } from "../pages/i18n/index.js";
import { mapPage, type Page, type PageRequest } from "../lib/paging.js";
import {
  allExpertsQuery,
  allOrganisationsQuery,
  expertsFromRows,
  organisationsFromRows,
  findExpert,
  findOrganisation,
  insertExpert,
  insertOrganisation,
  listOrganisations,
  expertThemesQuery,
  searchExperts,
  updateExpert as writeExpert,
  updateOrganisation as writeOrganisation,
  type ExpertChanges,
  type OrganisationChanges,
} from "./directory.repo.js";
import type { CreateExpert, CreateOrganisation, DirectoryExpert, Expert, ExpertFilter, Organisation, UpdateExpert, UpdateOrganisation } from "./directory.schemas.js";

type DirectoryDeps = Pick<Deps, "db" | "clock" | "atomic">;

const duplicateEmail = () => fail("CONFLICT", "Another active expert in the directory has this e-mail address", [{ path: "email", message: "already in the directory" }]);

/** Every organisation, by name: the pages' choice lists (the directory holds tens, not thousands). */
export const organisations = async (deps: Pick<Deps, "db">): Promise<Organisation[]> => (await listOrganisations(deps.db)).items;
export const organisationsPage = (deps: Pick<Deps, "db">, page: PageRequest) => listOrganisations(deps.db, page);
export const organisation = (deps: Pick<Deps, "db">, id: string) => findOrganisation(deps.db, id);
export const expert = (deps: Pick<Deps, "db">, id: string) => findExpert(deps.db, id);

/**
 * The workplace's directory page: every organisation, the experts the filter selects (the
 * coordinator sees deactivated ones when asked) and the theme names, in one round trip.
 */
export async function directoryPage(deps: Pick<Deps, "db" | "atomic">, q: ExpertFilter, lang: Lang) {
  const [orgs, experts, themes] = await readTogether(deps, [allOrganisationsQuery(deps.db), allExpertsQuery(deps.db, q), allThemesQuery(deps.db)]);
  return { organisations: organisationsFromRows(orgs), experts: expertsFromRows(experts), themeName: themeNamerOf(themes, lang) };
}

/**
 * The themes the directory's experts name, as a compiled statement for a page's batch (the report
 * page's theme filter): every expert not erased, active or not; directoryThemesFromRows sorts them.
 */
export const directoryThemesRead = (deps: Pick<Deps, "db">) => expertThemesQuery(deps.db).compile();

export const directoryThemesFromRows = (rows: { themes: string }[]): string[] =>
  [...new Set(rows.flatMap((r) => JSON.parse(r.themes) as string[]))].sort((a, b) => a.localeCompare(b));

export async function createOrganisation(deps: DirectoryDeps, by: Principal, input: CreateOrganisation): Promise<Organisation> {
  const org: Organisation = {
    id: newId(),
    name: input.name,
    country: input.country,
    website: input.website ?? null,
    criteria: input.criteria,
    criteriaNote: input.criteriaNote ?? null,
    createdAt: deps.clock.now().toISOString(),
  };
  await insertOrganisation(deps.db, org);
  await recordAudit(deps.db, { ...actorOf(by), at: org.createdAt, action: "organisation.created", entityType: "organisation", entityId: org.id });
  return org;
}

export async function updateOrganisation(deps: DirectoryDeps, by: Principal, id: string, input: UpdateOrganisation): Promise<Result<Organisation>> {
  const changes: OrganisationChanges = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.country !== undefined) changes.country = input.country;
  if (input.website !== undefined) changes.website = input.website;
  if (input.criteriaNote !== undefined) changes.criteriaNote = input.criteriaNote;
  if (input.criteria) {
    changes.nationallySignificant = input.criteria.nationallySignificant ? 1 : 0;
    changes.innovative = input.criteria.innovative ? 1 : 0;
    changes.evidenceBased = input.criteria.evidenceBased ? 1 : 0;
  }
  if (!(await writeOrganisation(deps, id, changes))) return fail("NOT_FOUND", `No organisation with id ${id}`);
  const at = deps.clock.now().toISOString();
  await recordAudit(deps.db, { ...actorOf(by), at, action: "organisation.updated", entityType: "organisation", entityId: id });
  return ok((await findOrganisation(deps.db, id))!);
}

export async function createExpert(deps: DirectoryDeps, by: Principal, input: CreateExpert): Promise<Result<Expert>> {
  const org = await findOrganisation(deps.db, input.organisationId);
  if (!org) return fail("NOT_FOUND", `No organisation with id ${input.organisationId}`, [{ path: "organisationId", message: "no such organisation" }]);
  const themes = await themeKeysOnList(deps, input.themes, (i) => `themes.${i}`);
  if (!themes.ok) return themes;
  const createdAt = deps.clock.now().toISOString();
  const id = newId();
  try {
    await insertExpert(deps.db, {
      id,
      organisationId: org.id,
      name: input.name,
      email: input.email.toLowerCase(),
      languages: [...new Set(input.languages)],
      themes: themes.value,
      timeZone: input.timeZone,
      createdAt,
    });
  } catch (err) {
    if (isUniqueViolation(err)) return duplicateEmail();
    throw err;
  }
  await recordAudit(deps.db, { ...actorOf(by), at: createdAt, action: "expert.created", entityType: "expert", entityId: id });
  const created = await findExpert(deps.db, id);
  return created ? ok(created) : fail("INTERNAL", "expert vanished after insert");
}

/** Changes an expert's entry; `active: false` deactivates (kept in history and the report, no longer offered). */
export async function updateExpert(deps: DirectoryDeps, by: Principal, id: string, input: UpdateExpert): Promise<Result<Expert>> {
  if (input.organisationId && !(await findOrganisation(deps.db, input.organisationId))) {
    return fail("NOT_FOUND", `No organisation with id ${input.organisationId}`, [{ path: "organisationId", message: "no such organisation" }]);
  }
  const changes: ExpertChanges = {};
  if (input.themes !== undefined) {
    const themes = await themeKeysOnList(deps, input.themes, (i) => `themes.${i}`);
    if (!themes.ok) return themes;
    changes.themes = JSON.stringify(themes.value);
  }
  if (input.organisationId !== undefined) changes.organisationId = input.organisationId;
  if (input.name !== undefined) changes.name = input.name;
  if (input.email !== undefined) changes.email = input.email.toLowerCase();
  if (input.languages !== undefined) changes.languages = JSON.stringify([...new Set(input.languages)]);
  if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
  if (input.active !== undefined) changes.active = input.active ? 1 : 0;
  try {
    if (!(await writeExpert(deps, id, changes))) return fail("NOT_FOUND", `No expert with id ${id}`);
  } catch (err) {
    if (isUniqueViolation(err)) return duplicateEmail();
    throw err;
  }
  const action = input.active === false ? "expert.deactivated" : input.active === true ? "expert.activated" : "expert.updated";
  await recordAudit(deps.db, { ...actorOf(by), at: deps.clock.now().toISOString(), action, entityType: "expert", entityId: id });
  return ok((await findExpert(deps.db, id))!);
}

/** The directory as the caller's role may see it: members get no e-mail addresses (minimal disclosure). */
export async function listExperts(deps: DirectoryDeps, by: Principal, filter: ExpertFilter, page: PageRequest): Promise<Page<DirectoryExpert>> {
  const experts = await searchExperts(deps.db, by.role === "coordinator" ? filter : { ...filter, includeInactive: undefined }, page);
  return by.role === "coordinator" ? experts : mapPage(experts, ({ email: _email, ...rest }) => rest);
}

/** One expert of the directory, for the pages. */
export const directoryExpert = (deps: Pick<Deps, "db">, id: string) => findExpert(deps.db, id);

/** The whole directory filtered (the pages' expert step; its lists stay short). */
export const searchDirectory = async (deps: Pick<Deps, "db">, filter: ExpertFilter) => (await searchExperts(deps.db, filter)).items;
