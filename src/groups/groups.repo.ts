import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Group, Member } from "./groups.schemas.js";

export async function insertGroup(db: Kysely<DB>, g: Group): Promise<void> {
  await db.insertInto("dev_groups").values(g).execute();
}

export async function findGroup(db: Kysely<DB>, id: string): Promise<Group | undefined> {
  return db.selectFrom("dev_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The group's time zone, as a query to batch with others (readTogether). */
export function groupTimeZoneQuery(db: Kysely<DB>, id: string) {
  return db.selectFrom("dev_groups").select("timeZone").where("id", "=", id);
}

export async function listGroups(db: Kysely<DB>): Promise<Group[]> {
  return db.selectFrom("dev_groups").selectAll().orderBy("name").execute();
}

/** A second current member with the same e-mail address throws a UNIQUE violation (migrations/0012). */
export async function insertMember(db: Kysely<DB>, m: Member): Promise<void> {
  await db.insertInto("group_members").values(m).execute();
}

const memberColumns = ["id", "groupId", "name", "email", "language", "createdAt"] as const;

/** The group's current members; removed ones stay in the table for the history. */
export async function listMembers(db: Kysely<DB>, groupId: string): Promise<Member[]> {
  return db
    .selectFrom("group_members")
    .select(memberColumns)
    .where("groupId", "=", groupId)
    .where("removedAt", "is", null)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/**
 * Removes a member and revokes every token of theirs, as one atomic batch: the first statement
 * is conditional on the member being current, the second on the first having applied.
 */
export function removeMemberQueries(db: Kysely<DB>, groupId: string, memberId: string, at: string) {
  return [
    db
      .updateTable("group_members")
      .set({ removedAt: at })
      .where("id", "=", memberId)
      .where("groupId", "=", groupId)
      .where("removedAt", "is", null)
      .compile(),
    db
      .updateTable("api_tokens")
      .set({ revokedAt: at })
      .where("memberId", "=", memberId)
      .where("revokedAt", "is", null)
      .where((eb) =>
        eb.exists(eb.selectFrom("group_members").select("id").where("id", "=", memberId).where("removedAt", "=", at)),
      )
      .compile(),
  ];
}
