import { DateTime } from "luxon";
import { sql, type Kysely } from "kysely";
import type { Deps } from "../deps.js";
import { clearCloseReasons } from "../consultations/transition-writes.js";
import type { DB } from "../db/schema.js";
import { unlinkedAuthor } from "./erasure.js";
import { withFeedback } from "./export.repo.js";

/** A sweep anonymises at most this many consultations; the next tick takes the rest. */
const BATCH = 200;

/** Retention is a matter of months: checking every few minutes is plenty, and spares each background round a scan. */
const SWEEP_EVERY_MS = 10 * 60_000;
const lastSweep = new WeakMap<object, number>();

/** For the background round: sweeps when the last sweep of this database is SWEEP_EVERY_MS old. */
export async function retentionTick(deps: Parameters<typeof sweepRetention>[0]): Promise<void> {
  const now = deps.clock.now().getTime();
  if (now - (lastSweep.get(deps.db) ?? -Infinity) < SWEEP_EVERY_MS) return;
  lastSweep.set(deps.db, now);
  await sweepRetention(deps);
}

/** The instant before which a finished consultation, or answered feedback, is past its retention. */
export const retentionCutoff = (now: Date, months: number): string =>
  DateTime.fromJSDate(now, { zone: "utc" }).minus({ months }).toISO()!;

/**
 * Consultations finished before the cutoff and not yet anonymised: closed (declined, cancelled,
 * expired) then, or held with a session that ended then, or drafts left untouched since.
 */
function finishedBefore(db: Kysely<DB>, cutoff: string) {
  return db
    .selectFrom("consultations as c")
    .leftJoin("proposed_slots as s", "s.id", "c.confirmedSlotId")
    .select("c.id")
    .where((eb) =>
      eb.or([
        eb.and([eb("c.closedAt", "is not", null), eb("c.closedAt", "<", cutoff)]),
        eb.and([eb("c.closedAt", "is", null), eb("c.status", "in", ["confirmed", "held", "evaluated"]), eb("s.end", "<", cutoff)]),
        eb.and([eb("c.status", "=", "draft"), eb("c.updatedAt", "<", cutoff)]),
      ]),
    )
    .where("c.id", "not in", db.selectFrom("anonymised_consultations").select("consultationId"))
    .limit(BATCH);
}

/**
 * The retention sweep (RETENTION_MONTHS): closed consultations lose the names, addresses and free
 * text they hold, as an erasure would take them, and keep what the concept report counts; answered
 * accessibility feedback is deleted. One atomic batch: the first statement marks the consultations
 * it takes with this run's instant and every later one works on exactly those.
 */
export async function sweepRetention(deps: Pick<Deps, "db" | "atomic" | "clock" | "config">): Promise<{ consultations: number; feedback: number }> {
  const { db } = deps;
  const mark = deps.clock.now().toISOString();
  const cutoff = retentionCutoff(deps.clock.now(), deps.config.privacy.retentionMonths);
  const marked = db.selectFrom("anonymised_consultations").select("consultationId").where("anonymisedAt", "=", mark);
  // A brief or topic is shared by follow-ups: its text goes only once every consultation using it is anonymised.
  const stillNeeded = (column: "briefId" | "topicId", outer: "briefs.id" | "topics.id" | "brief_questions.briefId") =>
    db
      .selectFrom("consultations as other")
      .select("other.id")
      .where(sql<boolean>`${sql.ref(`other.${column}`)} = ${sql.ref(outer)}`)
      .where("other.id", "not in", db.selectFrom("anonymised_consultations").select("consultationId"));
  const results = await deps.atomic([
    db
      .insertInto("anonymised_consultations")
      .columns(["consultationId", "anonymisedAt"])
      .expression(finishedBefore(db, cutoff).select(sql<string>`${mark}`.as("anonymisedAt")))
      .compile(),
    db
      .updateTable("evaluations")
      .set({ authorId: unlinkedAuthor, followUpTopic: null, learnings: null, improvements: null })
      .where("consultationId", "in", marked)
      .compile(),
    clearCloseReasons(db).where("id", "in", marked).compile(),
    db
      .updateTable("outbox")
      .set({ payload: "{}", lastError: null })
      .where("consultationId", "in", marked)
      .where("status", "!=", "pending")
      .compile(),
    db
      .updateTable("brief_questions")
      .set({ text: "" })
      .where("briefId", "in", db.selectFrom("consultations").select("briefId").where("id", "in", marked))
      .where(({ not, exists }) => not(exists(stillNeeded("briefId", "brief_questions.briefId"))))
      .compile(),
    db
      .updateTable("briefs")
      .set({ challengeLength: sql`coalesce(challengeLength, length(challenge))`, challenge: "", createdBy: null })
      .where("id", "in", db.selectFrom("consultations").select("briefId").where("id", "in", marked))
      .where(({ not, exists }) => not(exists(stillNeeded("briefId", "briefs.id"))))
      .compile(),
    db
      .updateTable("topics")
      .set({ title: "", description: "", createdBy: null })
      .where("id", "in", db.selectFrom("consultations").select("topicId").where("id", "in", marked))
      .where(({ not, exists }) => not(exists(stillNeeded("topicId", "topics.id"))))
      .compile(),
    db
      .insertInto("audit_entries")
      .columns(["at", "actorType", "actorId", "action", "entityType", "entityId"])
      .expression(
        db
          .selectFrom("anonymised_consultations")
          .select([
            sql<string>`${mark}`.as("at"),
            sql<string>`${"system"}`.as("actorType"),
            sql<null>`null`.as("actorId"),
            sql<string>`${"consultation.anonymised"}`.as("action"),
            sql<string>`${"consultation"}`.as("entityType"),
            "consultationId as entityId",
          ])
          .where("anonymisedAt", "=", mark),
      )
      .compile(),
    withFeedback(db).deleteFrom("accessibility_feedback").where("answeredAt", "is not", null).where("answeredAt", "<", cutoff).compile(),
  ]);
  return { consultations: results[0]!.changes, feedback: results[results.length - 1]!.changes };
}
