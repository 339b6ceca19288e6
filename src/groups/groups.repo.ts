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

export async function insertMember(db: Kysely<DB>, m: Member): Promise<void> {
  await db.insertInto("group_members").values(m).execute();
}

export async function listMembers(db: Kysely<DB>, groupId: string): Promise<Member[]> {
  return db.selectFrom("group_members").selectAll().where("groupId", "=", groupId).orderBy("createdAt").orderBy("id").execute();
}
