import { sql, type CompiledQuery, type Kysely } from "kysely";
import { CLOSED_STATES } from "../consultations/transitions.js";
import type { DB } from "../db/schema.js";

/**
 * The calendar consumer when the meeting lives in the invitation file (no Microsoft 365 tenant):
 * its whole effect is a row in `meetings`, so it runs inside the transition's own atomic batch,
 * keyed on the transition's changeId, and marks its delivery record done there. Exactly once by
 * atomicity, and no round trip after the write. The same outcome as syncMeeting with the
 * IcsScheduler: one live meeting at the confirmed time (SEQUENCE up when it moves), cancelled
 * when the consultation closes.
 */
export function icsMeetingInBatch(db: Kysely<DB>, changeId: string, at: string): CompiledQuery[] {
  const changed = db.selectFrom("consultations").select("consultations.id").where("consultations.changeId", "=", changeId);
  return [
    db
      .insertInto("meetings")
      .columns(["consultationId", "provider", "externalId", "iCalUId", "joinUrl", "start", "end", "sequence", "cancelledAt", "createdAt", "updatedAt"])
      .expression(
        db
          .selectFrom("consultations as c")
          .innerJoin("proposed_slots as s", "s.id", "c.confirmedSlotId")
          .select([
            "c.id",
            sql<string>`'ics'`.as("provider"),
            "c.id as externalId",
            // The IcsScheduler's UID: stable, so an updated invitation replaces the earlier one.
            sql<string>`c.id || '@samrad'`.as("iCalUId"),
            sql<null>`null`.as("joinUrl"),
            "s.start",
            "s.end",
            sql<number>`0`.as("sequence"),
            sql<null>`null`.as("cancelledAt"),
            sql<string>`${at}`.as("createdAt"),
            sql<string>`${at}`.as("updatedAt"),
          ])
          .where("c.changeId", "=", changeId)
          .where("c.status", "=", "confirmed"),
      )
      .onConflict((oc) =>
        oc
          .column("consultationId")
          .doUpdateSet((eb) => ({
            start: eb.ref("excluded.start"),
            end: eb.ref("excluded.end"),
            sequence: sql<number>`meetings.sequence + (case when meetings.start <> excluded.start or meetings."end" <> excluded."end" then 1 else 0 end)`,
            updatedAt: eb.ref("excluded.updatedAt"),
          }))
          .where("meetings.provider", "=", "ics")
          .where("meetings.cancelledAt", "is", null),
      )
      .compile(),
    db
      .updateTable("meetings")
      .set((eb) => ({ cancelledAt: at, sequence: eb("sequence", "+", 1), updatedAt: at }))
      .where("provider", "=", "ics")
      .where("cancelledAt", "is", null)
      .where("consultationId", "in", changed.where("consultations.status", "in", [...CLOSED_STATES]))
      .compile(),
    db
      .updateTable("outbox")
      .set({ status: "done", payload: "{}", lockedUntil: null, updatedAt: at })
      .where("kind", "=", "meeting.sync")
      .where("status", "=", "pending")
      .where("eventId", "in", db.selectFrom("consultation_events").select("consultation_events.id").where("consultation_events.changeId", "=", changeId))
      .compile(),
  ];
}
