import type { Insertable, Kysely } from "kysely";
import type { DB, SessionsTable } from "../db/schema.js";

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** The session with what decides whether it still holds: its token and its member. */
export async function findSession(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom("sessions")
    .leftJoin("api_tokens", "api_tokens.id", "sessions.tokenId")
    .leftJoin("group_members", "group_members.id", "sessions.memberId")
    .select([
      "sessions.idHash",
      "sessions.role",
      "sessions.memberId",
      "sessions.tokenId",
      "sessions.coordinatorKey",
      "sessions.method",
      "sessions.lastSeenAt",
      "sessions.expiresAt",
      "sessions.endedAt",
      "api_tokens.revokedAt as tokenRevokedAt",
      "api_tokens.expiresAt as tokenExpiresAt",
      "group_members.groupId",
    ])
    .where("sessions.idHash", "=", idHash)
    .executeTakeFirst();
}

/** Conditional: concurrent requests of one browser write lastSeenAt once a minute at most. */
export async function touchSession(db: Kysely<DB>, idHash: string, now: string, unlessSince: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ lastSeenAt: now })
    .where("idHash", "=", idHash)
    .where("endedAt", "is", null)
    .where("lastSeenAt", "<=", unlessSince)
    .execute();
}

export async function endSessionRow(db: Kysely<DB>, idHash: string, now: string): Promise<boolean> {
  const r = await db.updateTable("sessions").set({ endedAt: now }).where("idHash", "=", idHash).where("endedAt", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Sessions that ended or expired a day ago are of no further use. */
export async function pruneSessions(db: Kysely<DB>, before: string): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expiresAt", "<", before), eb("endedAt", "<", before), eb("lastSeenAt", "<", before)]))
    .execute();
}
