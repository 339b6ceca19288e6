import { auditTrail } from "../audit/audit.repo.js";
import type { Deps } from "../deps.js";
import { readTogether } from "../db/read-together.js";
import { groupTimeZoneQuery } from "../groups/groups.repo.js";
import { DEFAULT_GROUP_ZONE } from "../groups/groups.service.js";
import type { Principal } from "../lib/auth.js";
import { briefOf, briefQuery } from "../topics/topics.repo.js";
import { findConsultation, listConsultations } from "./consultations.repo.js";
import type { Consultation } from "./consultations.schemas.js";

type Member = Extract<Principal, { role: "member" }>;
type ReadDeps = Pick<Deps, "db" | "clock" | "atomic">;


/** The reads the group's pages make, as services: the pages hold no SQL (issue 12). */
export async function groupConsultation(deps: Pick<Deps, "db" | "clock">, by: Member, id: string): Promise<Consultation | undefined> {
  return findConsultation(deps.db, id, by.groupId, deps.clock.now());
}

export async function groupConsultations(deps: Pick<Deps, "db" | "clock">, by: Member, limit: number): Promise<Consultation[]> {
  return (await listConsultations(deps.db, { groupId: by.groupId }, { limit }, deps.clock.now())).items;
}

/** A consultation's page: the consultation, its brief, the group's zone and the history, in two round trips. */
export async function consultationPage(deps: ReadDeps, by: Member, id: string) {
  const consultation = await groupConsultation(deps, by, id);
  if (!consultation) return undefined;
  // The brief and the group's zone in one round trip (a D1 batch), the history beside it.
  const [[[briefRow], [group]], history] = await Promise.all([
    readTogether(deps, [briefQuery(deps.db, consultation.briefId).compile(), groupTimeZoneQuery(deps.db, by.groupId).compile()]),
    auditTrail(deps.db, "consultation", id),
  ]);
  if (!briefRow) throw new Error(`consultation ${id} lost its brief`);
  return { consultation, brief: briefOf(briefRow), zone: group?.timeZone ?? DEFAULT_GROUP_ZONE, history };
}
