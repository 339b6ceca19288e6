import type { Kysely } from "kysely";
import type { ConsultationStatus, DB } from "../db/schema.js";
import { effectiveStatus } from "../consultations/transitions.js";

/**
 * What evaluations and the report need to know about consultations, as one composable query:
 * the evaluation feature reads one row, the report adds joins and reads them all.
 */
export function consultationFactsQuery(db: Kysely<DB>) {
  return db
    .selectFrom("consultations as c")
    .leftJoin("proposed_slots as cs", "cs.id", "c.confirmedSlotId")
    .select((eb) => [
      "c.id",
      "c.groupId",
      "c.expertId",
      "c.topicId",
      "c.briefId",
      "c.status as storedStatus",
      "c.durationMinutes",
      "c.requestedAt",
      "c.confirmedAt",
      "c.createdAt",
      "c.noShow",
      "c.actualStart",
      "c.actualMinutes",
      "c.evaluationClosedAt",
      "c.followUpOf",
      "c.fundingSource",
      "cs.start as slotStart",
      "cs.end as slotEnd",
      // Only a requested consultation needs it: it has expired once its latest proposed time has started.
      eb
        .case()
        .when("c.status", "=", "requested")
        .then(
          eb
            .selectFrom("proposed_slots as p")
            .select((s) => s.fn.max("p.start").as("latest"))
            .whereRef("p.consultationId", "=", "c.id")
            .whereRef("p.round", "=", "c.slotRound"),
        )
        .else(null)
        .end()
        .as("latestProposedStart"),
    ]);
}

export type ConsultationFacts = Awaited<ReturnType<ReturnType<typeof consultationFactsQuery>["executeTakeFirstOrThrow"]>>;

/** The status as of `now`, by the lifecycle's own rule (time turns confirmed into held, requested into expired). */
export function statusNow(f: ConsultationFacts, now: Date): ConsultationStatus {
  const confirmed = f.slotStart && f.slotEnd ? { start: f.slotStart, end: f.slotEnd } : null;
  // effectiveStatus asks whether every proposed time has started: the latest one decides.
  const current = f.latestProposedStart ? [{ start: f.latestProposedStart, end: f.latestProposedStart }] : [];
  return effectiveStatus(f.storedStatus, confirmed, current, now);
}

/** Whether the consultation has a session that took place or is planned (a cancelled one has none). */
export const hasSession = (status: ConsultationStatus): boolean => status === "confirmed" || status === "held" || status === "evaluated";

/** The confirmed session's end, only where a session took place or is planned. */
export const sessionEndOf = (f: ConsultationFacts, status: ConsultationStatus): string | null => (hasSession(status) ? f.slotEnd : null);

export async function findConsultationFacts(db: Kysely<DB>, id: string, groupId: string | null): Promise<ConsultationFacts | undefined> {
  return factsOf(db, id, groupId).executeTakeFirst();
}

/** findConsultationFacts as a compiled statement, to ride in a batch. */
export const consultationFactsOfQuery = (db: Kysely<DB>, id: string, groupId: string | null) => factsOf(db, id, groupId).compile();

function factsOf(db: Kysely<DB>, id: string, groupId: string | null) {
  const q = consultationFactsQuery(db).where("c.id", "=", id);
  return groupId ? q.where("c.groupId", "=", groupId) : q;
}
