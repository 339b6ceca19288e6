import { recordAudit } from "../audit/audit.repo.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import type { Deps } from "../deps.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import type { Page, PageRequest } from "../lib/paging.js";
import { newId } from "../lib/secrets.js";
import { consultationExists } from "../consultations/consultations.repo.js";
import { insertProgramme, listProgrammes, programmeExists, setProgrammeOf } from "./programmes.repo.js";
import type { CreateProgramme, Programme } from "./programmes.schemas.js";

type ProgrammeDeps = Pick<Deps, "db" | "clock" | "atomic">;

export const programmesPage = (deps: Pick<Deps, "db">, page: PageRequest): Promise<Page<Programme>> => listProgrammes(deps.db, page);
export const allProgrammes = async (deps: Pick<Deps, "db">): Promise<Programme[]> => (await listProgrammes(deps.db)).items;

export async function createProgramme(deps: ProgrammeDeps, by: Principal, input: CreateProgramme): Promise<Result<Programme>> {
  const created: Programme = { id: newId(), name: input.name, description: input.description ?? null, createdAt: deps.clock.now().toISOString() };
  try {
    await insertProgramme(deps.db, created);
  } catch (err) {
    if (isUniqueViolation(err)) return fail("CONFLICT", "A programme with this name already exists", [{ path: "name", message: "already exists" }]);
    throw err;
  }
  await recordAudit(deps.db, { ...actorOf(by), at: created.createdAt, action: "programme.created", entityType: "programme", entityId: created.id });
  return ok(created);
}

/** The coordinator files a consultation under a programme (or takes it out with null). */
export async function setConsultationProgramme(deps: ProgrammeDeps, by: Principal, consultationId: string, programmeId: string | null): Promise<Result<{ consultationId: string; programmeId: string | null }>> {
  if (!(await consultationExists(deps.db, consultationId))) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  if (programmeId !== null && !(await programmeExists(deps.db, programmeId))) {
    return fail("VALIDATION_FAILED", "Invalid body: programmeId: no such programme", [{ path: "programmeId", message: "no such programme" }]);
  }
  const at = deps.clock.now().toISOString();
  await setProgrammeOf(deps, consultationId, programmeId, at);
  await recordAudit(deps.db, { ...actorOf(by), at, action: "consultation.programme_set", entityType: "consultation", entityId: consultationId, detail: { programmeId } });
  return ok({ consultationId, programmeId });
}
