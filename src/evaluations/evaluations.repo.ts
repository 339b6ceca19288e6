import { sql, type CompiledQuery, type ExpressionBuilder, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { ConsultationStatus, DB } from "../db/schema.js";
import type { Evaluation, SubmitEvaluation } from "./evaluations.schemas.js";
import { windowOpenedAfter } from "./evaluation-window.js";

export type Side = "member" | "expert";
const EVALUABLE_STORED: ConsultationStatus[] = ["confirmed", "held", "evaluated"];

/**
 * The SQL form of evaluationWindow(): the session (confirmed slot) has ended, less than 14 days
 * ago, the coordinator has not closed the evaluation and nobody recorded a no-show.
 * "confirmed" is included because time alone makes it held (the sweep may not have run yet).
 */
export function evaluable(now: Date) {
  const at = now.toISOString();
  return (eb: ExpressionBuilder<DB, "consultations">) =>
    eb.and([
      eb("consultations.status", "in", EVALUABLE_STORED),
      eb("consultations.noShow", "=", 0),
      eb("consultations.evaluationClosedAt", "is", null),
      eb.exists(
        eb
          .selectFrom("proposed_slots as s")
          .select("s.id")
          .whereRef("s.id", "=", "consultations.confirmedSlotId")
          .where("s.end", "<=", at)
          .where("s.end", ">", windowOpenedAfter(now)),
      ),
    ]);
}

/** Step 1 of a submission: marks the consultation with changeId only if it may be evaluated now. */
export function touchIfEvaluable(db: Kysely<DB>, input: { consultationId: string; groupId: string | null; changeId: string; now: Date }) {
  let update = db
    .updateTable("consultations")
    .set({ changeId: input.changeId, updatedAt: input.now.toISOString() })
    .where("consultations.id", "=", input.consultationId)
    .where(evaluable(input.now));
  if (input.groupId) update = update.where("consultations.groupId", "=", input.groupId);
  return update.compile();
}

export interface EvaluationWrite {
  id: string;
  consultationId: string;
  changeId: string;
  side: Side;
  authorId: string;
  input: SubmitEvaluation;
  at: string;
}

/** Step 2: insert, or replace the same author's earlier evaluation, only if step 1 changed the row. */
export function upsertEvaluationIfChanged(db: Kysely<DB>, w: EvaluationWrite): CompiledQuery {
  const e = w.input;
  const blankToNull = (v: string | undefined) => (v === undefined || v === "" ? null : v);
  const values = {
    usefulness: e.usefulness,
    preparation: e.preparation,
    technicalQuality: e.technicalQuality,
    durationFit: e.durationFit,
    actualMinutes: e.actualMinutes ?? null,
    wouldRecommend: e.wouldRecommend ? 1 : 0,
    followUpInterest: e.followUpInterest ? 1 : 0,
    followUpTopic: e.followUpInterest ? blankToNull(e.followUpTopic) : null,
    learnings: blankToNull(e.learnings),
    improvements: blankToNull(e.improvements),
  };
  const columns = Object.keys(values) as (keyof typeof values)[];
  return db
    .insertInto("evaluations")
    .columns(["id", "consultationId", "side", "authorId", ...columns, "submittedAt", "updatedAt"])
    .expression(
      changedConsultations(db, w).select([
        sql<string>`${w.id}`.as("id"),
        "consultations.id as consultationId",
        sql<string>`${w.side}`.as("side"),
        sql<string>`${w.authorId}`.as("authorId"),
        ...columns.map((c) => sql`${values[c]}`.as(c)),
        sql<string>`${w.at}`.as("submittedAt"),
        sql<string>`${w.at}`.as("updatedAt"),
      ]),
    )
    .onConflict((oc) =>
      oc.columns(["consultationId", "side", "authorId"]).doUpdateSet((eb) => ({
        ...Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])),
        updatedAt: eb.ref("excluded.updatedAt"),
      })),
    )
    .compile();
}

/** Step 3: held → evaluated once both sides have evaluated; keyed on step 1's changeId. */
export function markEvaluatedIfComplete(
  db: Kysely<DB>,
  input: { consultationId: string; afterChangeId: string; changeId: string; at: string },
) {
  const bySide = (eb: ExpressionBuilder<DB, "consultations">, side: Side) =>
    eb.exists(
      eb.selectFrom("evaluations as ev").select("ev.id").whereRef("ev.consultationId", "=", "consultations.id").where("ev.side", "=", side),
    );
  return db
    .updateTable("consultations")
    .set({ status: "evaluated", changeId: input.changeId, updatedAt: input.at })
    .where("consultations.id", "=", input.consultationId)
    .where("consultations.changeId", "=", input.afterChangeId)
    .where("consultations.status", "in", ["confirmed", "held"])
    .where((eb) => eb.and([bySide(eb, "member"), bySide(eb, "expert")]))
    .compile();
}

const evaluationColumns = [
  "id",
  "consultationId",
  "side",
  "usefulness",
  "preparation",
  "durationFit",
  "actualMinutes",
  "technicalQuality",
  "wouldRecommend",
  "followUpInterest",
  "followUpTopic",
  "learnings",
  "improvements",
  "submittedAt",
  "updatedAt",
] as const;

type EvaluationRow = Pick<DB["evaluations"], (typeof evaluationColumns)[number]>;

const toEvaluation = (r: EvaluationRow): Evaluation => ({
  ...r,
  wouldRecommend: r.wouldRecommend === 1,
  followUpInterest: r.followUpInterest === 1,
});

export async function findEvaluationBy(
  db: Kysely<DB>,
  consultationId: string,
  side: Side,
  authorId: string,
): Promise<Evaluation | undefined> {
  const row = await db
    .selectFrom("evaluations")
    .select(evaluationColumns)
    .where("consultationId", "=", consultationId)
    .where("side", "=", side)
    .where("authorId", "=", authorId)
    .executeTakeFirst();
  return row && toEvaluation(row);
}

/** A consultation's evaluations, members' first, in order of submission. */
export async function listEvaluations(db: Kysely<DB>, consultationId: string): Promise<Evaluation[]> {
  const rows = await db
    .selectFrom("evaluations")
    .select(evaluationColumns)
    .where("consultationId", "=", consultationId)
    .orderBy("side", "desc")
    .orderBy("submittedAt")
    .orderBy("id")
    .execute();
  return rows.map(toEvaluation);
}

export async function countMembers(db: Kysely<DB>, groupId: string): Promise<number> {
  const row = await db
    .selectFrom("group_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("groupId", "=", groupId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
