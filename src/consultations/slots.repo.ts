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

/**
 * The times already taken in Samråd by a group or an expert between `from` and `to`: the
 * confirmed time of a live consultation, and every time still on offer in an open request
 * (the expert might confirm any of them). Suggestions never offer a time that collides.
 */
export async function samradBusy(db: Kysely<DB>, q: { groupId: string; expertId: string; from: string; to: string }) {
  return db
    .selectFrom("proposed_slots as s")
    .innerJoin("consultations as c", "c.id", "s.consultationId")
    .select(["s.start", "s.end"])
    .where((eb) => eb.or([eb("c.groupId", "=", q.groupId), eb("c.expertId", "=", q.expertId)]))
    .where("s.end", ">", q.from)
    .where("s.start", "<", q.to)
    .where((eb) =>
      eb.or([
        eb.and([eb("c.status", "in", ["confirmed", "held", "evaluated"]), eb("s.id", "=", eb.ref("c.confirmedSlotId"))]),
        eb.and([eb("c.status", "in", ["draft", "requested"]), eb("s.round", "=", eb.ref("c.slotRound"))]),
      ]),
    )
    .execute();
}
