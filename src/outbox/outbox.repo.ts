import { sql, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB } from "../db/schema.js";
import { afterKey, toPage, type PageRequest } from "../lib/paging.js";

/** A delivery record's kind: an event consumer's name, or a command kind. */
export type OutboxKind = string;

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  consultationId: string | null;
  payload: string;
  attempts: number;
  eventId: number | null;
}

/** How long a claimed command is reserved for its worker; a crashed worker's claim lapses after this. */
export const CLAIM_LEASE_MS = 120_000;

/**
 * For an atomic batch: enqueue a command only when the consultation carries `changeId`,
 * i.e. only when the state change in the same batch actually happened.
 */
export function enqueueIfChanged(
  db: Kysely<DB>,
  input: { consultationId?: string; changeId: string; kind: OutboxKind; payload: unknown; now: string; onlyIfWasConfirmed?: boolean },
) {
  let select = changedConsultations(db, input).select([
    sql<string>`lower(hex(randomblob(16)))`.as("id"),
    sql<string>`${input.kind}`.as("kind"),
    "consultations.id as consultationId",
    sql<string>`${JSON.stringify(input.payload)}`.as("payload"),
    sql<string>`${input.now}`.as("nextAttemptAt"),
    sql<string>`${input.now}`.as("createdAt"),
    sql<string>`${input.now}`.as("updatedAt"),
  ]);
  // Only a consultation that was ever confirmed can have a meeting to move or cancel.
  if (input.onlyIfWasConfirmed) select = select.where("consultations.confirmedSlotId", "is not", null);
  return db
    .insertInto("outbox")
    .columns(["id", "kind", "consultationId", "payload", "nextAttemptAt", "createdAt", "updatedAt"])
    .expression(select)
    .compile();
}

/**
 * Claims one due command with a single conditional write. Commands of one consultation are
 * delivered one at a time: a command is not claimed while another of the same consultation is held.
 */
export async function claimDue(db: Kysely<DB>, now: string, only?: { consultationId: string }): Promise<OutboxItem | undefined> {
  const leaseUntil = new Date(Date.parse(now) + CLAIM_LEASE_MS).toISOString();
  let candidates = db
    .selectFrom("outbox as o")
    .select("o.id")
    .where("o.status", "=", "pending")
    .where("o.nextAttemptAt", "<=", now)
    .where((eb) => eb.or([eb("o.lockedUntil", "is", null), eb("o.lockedUntil", "<=", now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("outbox as busy")
            .select("busy.id")
            .whereRef("busy.consultationId", "=", "o.consultationId")
            .whereRef("busy.id", "!=", "o.id")
            .where("busy.status", "=", "pending")
            .where("busy.lockedUntil", ">", now),
        ),
      ),
    )
    .orderBy("o.nextAttemptAt")
    .orderBy("o.createdAt")
    .limit(1);
  if (only) candidates = candidates.where("o.consultationId", "=", only.consultationId);
  const row = await db
    .updateTable("outbox")
    .set({ lockedUntil: leaseUntil, attempts: sql`attempts + 1`, updatedAt: now })
    .where("id", "=", (eb) => eb.selectFrom(candidates.as("next")).select("next.id"))
    .where("status", "=", "pending")
    .returning(["id", "kind", "consultationId", "payload", "attempts", "eventId"])
    .executeTakeFirst();
  return row as OutboxItem | undefined;
}

export async function markDone(db: Kysely<DB>, id: string, now: string): Promise<void> {
  // A delivered payload (a mail body, a calendar text) is not kept: only the record that it went.
  await db.updateTable("outbox").set({ status: "done", payload: "{}", lockedUntil: null, lastError: null, updatedAt: now }).where("id", "=", id).execute();
}

export async function markRetry(db: Kysely<DB>, id: string, now: string, nextAttemptAt: string, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ lockedUntil: null, nextAttemptAt, lastError: error.slice(0, 500), updatedAt: now })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Kysely<DB>, id: string, now: string, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "failed", lockedUntil: null, lastError: error.slice(0, 500), updatedAt: now })
    .where("id", "=", id)
    .execute();
}

/** A failed command back to pending, due now, with a fresh attempt budget. */
export async function retryFailed(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, updatedAt: now })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listOutbox(db: Kysely<DB>, status: "pending" | "done" | "failed", page: PageRequest) {
  let q = db
    .selectFrom("outbox")
    .select(["id", "kind", "consultationId", "status", "attempts", "nextAttemptAt", "lastError", "createdAt", "updatedAt"])
    .where("status", "=", status);
  if (page.after) q = q.where(afterKey([{ column: "createdAt", desc: true }, { column: "id" }], page.after));
  const rows = await q.orderBy("createdAt", "desc").orderBy("id").limit(page.limit + 1).execute();
  return toPage("outbox", rows, page.limit, (r) => [r.createdAt, r.id]);
}
