import { sql, type CompiledQuery, type Expression, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB } from "../db/schema.js";
import type { Evaluation, SubmitEvaluation } from "./evaluations.schemas.js";

export type Side = "member" | "expert";

export interface EvaluationWrite {
  id: string;
  consultationId: string;
  changeId: string;
  side: Side;
  authorId: string;
  input: SubmitEvaluation;
  at: string;
}

/** Insert, or replace the same author's earlier evaluation, only if the evaluate transition in the same batch applied (changeId). */
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
  const [row] = (await db.executeQuery(evaluationByQuery(db, consultationId, side, authorId))).rows;
  return row && toEvaluation(row);
}

/** findEvaluationBy as a compiled statement; `authorId` may be a subquery, so that it rides in one batch with what names the author. */
export function evaluationByQuery(db: Kysely<DB>, consultationId: string, side: Side, authorId: string | Expression<string>) {
  return db
    .selectFrom("evaluations")
    .select(evaluationColumns)
    .where("consultationId", "=", consultationId)
    .where("side", "=", side)
    .where("authorId", "=", authorId)
    .compile();
}

/** listEvaluations as a compiled statement; evaluationFromRow reads its rows. */
export const evaluationsOfQuery = (db: Kysely<DB>, consultationId: string) =>
  db.selectFrom("evaluations").select(evaluationColumns).where("consultationId", "=", consultationId).orderBy("side", "desc").orderBy("submittedAt").orderBy("id").compile();

export const evaluationFromRow = (row: EvaluationRow): Evaluation => toEvaluation(row);

/** A consultation's evaluations, members' first, in order of submission. */
export async function listEvaluations(db: Kysely<DB>, consultationId: string): Promise<Evaluation[]> {
  return (await db.executeQuery(evaluationsOfQuery(db, consultationId))).rows.map(toEvaluation);
}

export async function countMembers(db: Kysely<DB>, groupId: string): Promise<number> {
  const row = await db
    .selectFrom("group_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("groupId", "=", groupId)
    // A removed member no longer evaluates.
    .where("removedAt", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
