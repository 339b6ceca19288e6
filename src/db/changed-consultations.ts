import type { Kysely } from "kysely";
import type { DB } from "./schema.js";

/**
 * The consultations a state change in the same atomic batch actually changed: every such change
 * sets a fresh `changeId`, so `INSERT … SELECT` from here writes dependent rows (audit entry,
 * outbox command, link, slots, evaluation) only if the conditional UPDATE before it took effect.
 * D1 has no interactive transactions, so this replaces read-then-write.
 * Without a consultation id it covers every consultation one sweep changed.
 */
export function changedConsultations(db: Kysely<DB>, target: { consultationId?: string; changeId: string }) {
  const changed = db.selectFrom("consultations").where("consultations.changeId", "=", target.changeId);
  return target.consultationId ? changed.where("consultations.id", "=", target.consultationId) : changed;
}
