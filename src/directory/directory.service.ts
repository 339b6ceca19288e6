import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { recordAudit } from "../audit/audit.repo.js";
import type { Principal } from "../lib/auth.js";
import { actorOf } from "../lib/auth.js";
import { findOrganisation, insertExpert, insertOrganisation, findExpert, searchExperts } from "./directory.repo.js";
import { mapPage, type Page, type PageRequest } from "../lib/paging.js";
import type { CreateExpert, CreateOrganisation, DirectoryExpert, Expert, ExpertFilter, Organisation } from "./directory.schemas.js";

type DirectoryDeps = Pick<Deps, "db" | "clock">;

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

export async function createExpert(deps: DirectoryDeps, by: Principal, input: CreateExpert): Promise<Result<Expert>> {
  const org = await findOrganisation(deps.db, input.organisationId);
  if (!org) return fail("NOT_FOUND", `No organisation with id ${input.organisationId}`);
  const createdAt = deps.clock.now().toISOString();
  const id = newId();
  await insertExpert(deps.db, {
    id,
    organisationId: org.id,
    name: input.name,
    email: input.email.toLowerCase(),
    languages: [...new Set(input.languages)],
    themes: [...new Set(input.themes)],
    timeZone: input.timeZone,
    createdAt,
  });
  await recordAudit(deps.db, { ...actorOf(by), at: createdAt, action: "expert.created", entityType: "expert", entityId: id });
  const expert = await findExpert(deps.db, id);
  return expert ? ok(expert) : fail("INTERNAL", "expert vanished after insert");
}

/** The directory as the caller's role may see it: members get no e-mail addresses (minimal disclosure). */
export async function listExperts(deps: DirectoryDeps, by: Principal, filter: ExpertFilter, page: PageRequest): Promise<Page<DirectoryExpert>> {
  const experts = await searchExperts(deps.db, filter, page);
  return by.role === "coordinator" ? experts : mapPage(experts, ({ email: _email, ...rest }) => rest);
}

/** One expert of the directory, for the pages. */
export const directoryExpert = (deps: Pick<Deps, "db">, id: string) => findExpert(deps.db, id);

/** The whole directory filtered (the pages' expert step; its lists stay short). */
export const searchDirectory = async (deps: Pick<Deps, "db">, filter: ExpertFilter) => (await searchExperts(deps.db, filter)).items;
