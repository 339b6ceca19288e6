import { sql } from "kysely";
import type { Deps } from "../deps.js";
import { auditIfChanged } from "../audit/audit.repo.js";
import { enqueueIfChanged } from "../outbox/outbox.repo.js";
import { newId } from "../lib/secrets.js";

/**
 * Persists what time has done: confirmed consultations whose slot has ended become held;
 * requested ones whose every proposed slot has started become expired (and lose any meeting
 * left from before a reschedule). One atomic batch; safe to run concurrently and repeatedly.
 */
export async function advanceLifecycle(deps: Pick<Deps, "db" | "atomic" | "clock">): Promise<{ held: number; expired: number }> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const heldChange = newId();
  const expiredChange = newId();
  const system = { at: now, actorType: "system", actorId: null };
  const results = await deps.atomic([
    db
      .updateTable("consultations")
      .set({ status: "held", changeId: heldChange, updatedAt: now })
      .where("status", "=", "confirmed")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("proposed_slots as s")
            .select("s.id")
            .whereRef("s.id", "=", "consultations.confirmedSlotId")
            .where(sql.ref("s.end"), "<=", now),
        ),
      )
      .compile(),
    auditIfChanged(db, { changeId: heldChange }, { ...system, action: "consultation.held" }),
    db
      .updateTable("consultations")
      .set({ status: "expired", closedAt: now, changeId: expiredChange, updatedAt: now })
      .where("status", "=", "requested")
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("proposed_slots as s")
              .select("s.id")
              .whereRef("s.consultationId", "=", "consultations.id")
              .whereRef("s.round", "=", "consultations.slotRound")
              .where("s.start", ">", now),
          ),
        ),
      )
      .compile(),
    auditIfChanged(db, { changeId: expiredChange }, { ...system, action: "consultation.expired" }),
    enqueueIfChanged(db, { changeId: expiredChange, kind: "meeting.sync", payload: {}, now, onlyIfWasConfirmed: true }),
  ]);
  return { held: results[0]!.changes, expired: results[2]!.changes };
}
