import { auditTrailQuery } from "../audit/audit.repo.js";
import type { Deps } from "../deps.js";
import { readTogether } from "../db/read-together.js";
import { memberFrameOf, memberFrameRead, type MemberFrame } from "../groups/groups.service.js";
import type { Principal } from "../lib/auth.js";
import { briefOf, briefQuery } from "../topics/topics.repo.js";
import { consultationFromRow, consultationInGroupQuery, consultationsPageFromRows, findConsultation, listConsultationsQuery } from "./consultations.repo.js";
import type { Consultation } from "./consultations.schemas.js";

type Member = Extract<Principal, { role: "member" }>;
type ReadDeps = Pick<Deps, "db" | "clock" | "atomic">;

/**
 * The reads the group's pages make, as services: the pages hold no SQL (issue 12). A page's
 * reads and its frame (who is signed in, the group's zone) go in one batch: one round trip after
 * the session's own (on D1 every separate statement crosses the network).
 */
export async function groupConsultation(deps: Pick<Deps, "db" | "clock">, by: Member, id: string): Promise<Consultation | undefined> {
  return findConsultation(deps.db, id, by.groupId, deps.clock.now());
}

/** The group's home page: its newest consultations and the frame, in one round trip. */
export async function groupHomePage(deps: ReadDeps, by: Member, limit: number): Promise<{ frame: MemberFrame; items: Consultation[] }> {
  const [frameRows, rows] = await readTogether(deps, [memberFrameRead(deps, by), listConsultationsQuery(deps.db, { groupId: by.groupId }, { limit })]);
  return { frame: memberFrameOf(frameRows), items: consultationsPageFromRows(rows, limit, deps.clock.now()).items };
}

/**
 * A consultation's page: the consultation, its brief, the history and the frame, in one round
 * trip. The brief is read by a subquery on the consultation in the group, so it comes only with
 * a consultation the group may see; the history is dropped unless the consultation came.
 */
export async function consultationPage(deps: ReadDeps, by: Member, id: string) {
  const inGroup = deps.db.selectFrom("consultations").select("briefId").where("id", "=", id).where("groupId", "=", by.groupId).$asScalar();
  const [frameRows, [row], [briefRow], history] = await readTogether(deps, [
    memberFrameRead(deps, by),
    consultationInGroupQuery(deps.db, id, by.groupId),
    briefQuery(deps.db, inGroup).compile(),
    auditTrailQuery(deps.db, "consultation", id).compile(),
  ]);
  const frame = memberFrameOf(frameRows);
  if (!row) return { frame, found: undefined };
  if (!briefRow) throw new Error(`consultation ${id} lost its brief`);
  const consultation = consultationFromRow(row, deps.clock.now());
  return { frame, found: { consultation, brief: briefOf(briefRow), zone: frame.zone, history } };
}
