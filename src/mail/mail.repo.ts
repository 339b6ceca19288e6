import { sql, type Kysely, type Selectable } from "kysely";
import type { DB, MailMessagesTable, MailRecipientRole } from "../db/schema.js";
import { newId } from "../lib/secrets.js";
import { messageKey, type MailKind } from "./mail-kinds.js";

export type MailRow = Pick<
  Selectable<MailMessagesTable>,
  "id" | "messageKey" | "consultationId" | "kind" | "recipientRole" | "recipientId" | "round" | "attempts"
>;

/**
 * A claimed message is its sender's for this long; a crashed sender's claim lapses after it.
 * Longer than one send can take (the SMTP transport gives up after 5 + 5 + 15 s), so a live
 * sender never loses its claim, and short enough that a killed one delays its mail little.
 */
export const MAIL_LEASE_MS = 45_000;

/** Records messages once: a key already there (a retried event, a second process) changes nothing. */
export async function recordMessages(
  db: Kysely<DB>,
  consultationId: string,
  messages: { kind: MailKind; recipientRole: MailRecipientRole; recipientId: string; round: number; dueAt: string }[],
  now: string,
): Promise<void> {
  if (messages.length === 0) return;
  // Eight columns a row: at most 12 rows a statement, under D1's 100 bound parameters.
  for (let i = 0; i < messages.length; i += 10) {
    const rows = messages.slice(i, i + 10).map((m) => ({
      id: newId(),
      messageKey: messageKey({ consultationId, ...m }),
      consultationId,
      kind: m.kind,
      recipientRole: m.recipientRole,
      recipientId: m.recipientId,
      round: m.round,
      dueAt: m.dueAt,
      nextAttemptAt: m.dueAt,
      createdAt: now,
      updatedAt: now,
    }));
    await db.insertInto("mail_messages").values(rows).onConflict((oc) => oc.column("messageKey").doNothing()).execute();
  }
}

/** Claims one due message with a single conditional write (the lease keeps a second sender off it). */
export async function claimDueMessage(db: Kysely<DB>, now: string, only: { consultationId?: string; notIds: string[] }): Promise<MailRow | undefined> {
  const leaseUntil = new Date(Date.parse(now) + MAIL_LEASE_MS).toISOString();
  let next = db
    .selectFrom("mail_messages as m")
    .select("m.id")
    .where("m.status", "=", "pending")
    .where("m.nextAttemptAt", "<=", now)
    .where((eb) => eb.or([eb("m.lockedUntil", "is", null), eb("m.lockedUntil", "<=", now)]))
    .orderBy("m.nextAttemptAt")
    .orderBy("m.id")
    .limit(1);
  if (only.consultationId) next = next.where("m.consultationId", "=", only.consultationId);
  // Messages this run already put back to wait (at most a few dozen ids).
  if (only.notIds.length > 0) next = next.where("m.id", "not in", only.notIds.slice(-80));
  const row = await db
    .updateTable("mail_messages")
    .set({ lockedUntil: leaseUntil, attempts: sql`attempts + 1`, updatedAt: now })
    .where("id", "=", (eb) => eb.selectFrom(next.as("next")).select("next.id"))
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<=", now)]))
    .returning(["id", "messageKey", "consultationId", "kind", "recipientRole", "recipientId", "round", "attempts"])
    .executeTakeFirst();
  return row;
}

export async function markMessage(
  db: Kysely<DB>,
  id: string,
  now: string,
  outcome: { status: "sent" | "skipped" | "failed"; error?: string } | { status: "pending"; nextAttemptAt: string; error?: string; refundAttempt?: boolean },
): Promise<void> {
  await db
    .updateTable("mail_messages")
    .set({
      status: outcome.status,
      lockedUntil: null,
      updatedAt: now,
      lastError: outcome.error?.slice(0, 200) ?? null,
      ...(outcome.status === "sent" ? { sentAt: now } : {}),
      ...(outcome.status === "pending" ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.status === "pending" && outcome.refundAttempt ? { attempts: sql`attempts - 1` } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * What the coordinator may see of a consultation's mail: kind, recipient role, times, status, and
 * why it failed or was skipped (a code: mail-delivery.ts writes no server text); no body, no address.
 */
export async function listMessages(db: Kysely<DB>, consultationId: string) {
  return db
    .selectFrom("mail_messages")
    .select(["id", "kind", "recipientRole", "round", "dueAt", "sentAt", "status", "attempts", "nextAttemptAt", "lastError as reason"])
    .where("consultationId", "=", consultationId)
    .orderBy("dueAt")
    .orderBy("kind")
    .execute();
}

/**
 * A failed message back to pending, due now, with a fresh attempt budget (one conditional write;
 * false when it is not a failed message of that consultation). Whether it is still wanted is
 * checked again when it is sent.
 */
export async function retryFailedMessage(db: Kysely<DB>, consultationId: string, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable("mail_messages")
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, updatedAt: now })
    .where("id", "=", id)
    .where("consultationId", "=", consultationId)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
