import { sql, type CompiledQuery, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB } from "../db/schema.js";
import { newId } from "../lib/secrets.js";
import type { ProposedSlot } from "./proposed-slots.js";

/**
 * Inserts for a round of proposed slots. With a changeId, each insert happens only if the
 * consultation's state change in the same batch did (a reschedule that lost a race adds nothing).
 */
export function slotsWriteQueries(
  db: Kysely<DB>,
  consultationId: string,
  slots: ProposedSlot[],
  opts: { round: number; changeId?: string },
): CompiledQuery[] {
  if (!opts.changeId) {
    return [
      db
        .insertInto("proposed_slots")
        .values(slots.map((s) => ({ id: newId(), consultationId, round: opts.round, start: s.start, end: s.end })))
        .compile(),
    ];
  }
  const changeId = opts.changeId;
  return slots.map((s) =>
    db
      .insertInto("proposed_slots")
      .columns(["id", "consultationId", "round", "start", "end"])
      .expression(
        changedConsultations(db, { consultationId, changeId }).select([
          sql<string>`${newId()}`.as("id"),
          "consultations.id as consultationId",
          sql<number>`${opts.round}`.as("round"),
          sql<string>`${s.start}`.as("start"),
          sql<string>`${s.end}`.as("end"),
        ]),
      )
      .compile(),
  );
}
