import type { CompiledQuery, Kysely } from "kysely";
import type { Deps } from "../deps.js";
import type { DB } from "../db/schema.js";

/**
 * A page form's key, written in the same atomic batch as what the form creates: the key is the
 * primary key, so the same form sent again (a reload, a double click, the back button) fails the
 * whole batch and creates nothing; the caller then finds what the first send made.
 */
export function formSubmissionInsert(db: Kysely<DB>, input: { formKey: string; groupId: string; resultId: string; at: Date }) {
  return db.insertInto("form_submissions").values({ formKey: input.formKey, groupId: input.groupId, resultId: input.resultId, createdAt: input.at.toISOString() }).compile();
}

/** Drops a form's key again when the consultation it names was not created (see atomicOncePerForm). */
function forgetKeyUnlessCreated(db: Kysely<DB>, formKey: string, consultationId: string) {
  return db
    .deleteFrom("form_submissions")
    .where("formKey", "=", formKey)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("consultations").select("id").where("id", "=", consultationId))))
    .compile();
}

export async function findFormSubmission(db: Kysely<DB>, formKey: string, groupId: string): Promise<string | undefined> {
  const row = await db.selectFrom("form_submissions").select("resultId").where("formKey", "=", formKey).where("groupId", "=", groupId).executeTakeFirst();
  return row?.resultId;
}

/**
 * Runs a creating batch once per form key (none: always). Answers the id the first send of this
 * key created when the key was already used, or null when this batch ran.
 *
 * With `conditional`, the batch creates the consultation `resultId` only if its insert's condition
 * holds (a follow-up, only if an evaluation asked for one): the key is then dropped again in the
 * same batch when nothing was created, so that the same form sent once the condition holds creates
 * it rather than pointing at nothing.
 */
export async function atomicOncePerForm(
  deps: Pick<Deps, "db" | "atomic" | "clock">,
  form: { formKey?: string; groupId: string; resultId: string; conditional?: true },
  writes: CompiledQuery[],
): Promise<{ repeatOf: string | null; results: { changes: number }[] }> {
  if (!form.formKey) return { repeatOf: null, results: await deps.atomic(writes) };
  const claim = formSubmissionInsert(deps.db, { formKey: form.formKey, groupId: form.groupId, resultId: form.resultId, at: deps.clock.now() });
  const forget = form.conditional ? [forgetKeyUnlessCreated(deps.db, form.formKey, form.resultId)] : [];
  try {
    const [, ...results] = await deps.atomic([claim, ...writes, ...forget]);
    return { repeatOf: null, results: results.slice(0, writes.length) };
  } catch (error) {
    // The key's primary key refused the batch: the same form was sent before (or at the same moment).
    const prior = await findFormSubmission(deps.db, form.formKey, form.groupId);
    if (prior) return { repeatOf: prior, results: [] };
    throw error;
  }
}

/**
 * Claims a form key before a write that cannot share one batch with it (one conditional
 * statement). Answers the id stored by the first send of this key, or null when this send holds it now.
 */
export async function claimFormKey(db: Kysely<DB>, input: { formKey: string; groupId: string; resultId: string; at: Date }): Promise<string | null> {
  const claimed = await db
    .insertInto("form_submissions")
    .values({ formKey: input.formKey, groupId: input.groupId, resultId: input.resultId, createdAt: input.at.toISOString() })
    .onConflict((oc) => oc.column("formKey").doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 1) return null;
  return (await findFormSubmission(db, input.formKey, input.groupId)) ?? input.resultId;
}
