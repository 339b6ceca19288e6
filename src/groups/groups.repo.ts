import type { Kysely } from "kysely";
import type { DB, MailLanguage } from "../db/schema.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Group, Member } from "./groups.schemas.js";

export async function insertGroup(db: Kysely<DB>, g: Group): Promise<void> {
  await db.insertInto("dev_groups").values(g).execute();
}

export async function findGroup(db: Kysely<DB>, id: string): Promise<Group | undefined> {
  return db.selectFrom("dev_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The member's and their group's names, in one statement (the pages' "signed in as" line). */
export async function memberAndGroupNames(db: Kysely<DB>, memberId: string, groupId: string) {
  return db
    .selectFrom("group_members as m")
    .innerJoin("dev_groups as g", "g.id", "m.groupId")
    .select(["m.name as name", "g.name as group"])
    .where("m.id", "=", memberId)
    .where("m.groupId", "=", groupId)
    .executeTakeFirst();
}

/** The group's time zone, as a query to batch with others (readTogether). */
export function groupTimeZoneQuery(db: Kysely<DB>, id: string) {
  return db.selectFrom("dev_groups").select("timeZone").where("id", "=", id);
}

const BY_NAME = [{ column: "name" }, { column: "id" }];

/** By name, one page at a time. */
export async function listGroups(db: Kysely<DB>, page: PageRequest): Promise<Page<Group>> {
  let q = db.selectFrom("dev_groups").selectAll();
  if (page.after) q = q.where(afterKey(BY_NAME, page.after));
  const rows = await q.orderBy("name").orderBy("id").limit(page.limit + 1).execute();
  return toPage("groups", rows, page.limit, (g) => [g.name, g.id]);
}

export async function insertMember(db: Kysely<DB>, m: Member): Promise<void> {
  await db.insertInto("group_members").values(m).execute();
}

export async function listMembers(db: Kysely<DB>, groupId: string): Promise<Member[]> {
  return db.selectFrom("group_members").selectAll().where("groupId", "=", groupId).orderBy("createdAt").orderBy("id").execute();
}

/** The language a member's mail and invitations are written in (fi when the member is unknown). */
export async function memberLanguage(db: Kysely<DB>, memberId: string): Promise<MailLanguage> {
  const row = await db.selectFrom("group_members").select("language").where("id", "=", memberId).executeTakeFirst();
  return row?.language ?? "fi";
}

export async function setMemberLanguage(db: Kysely<DB>, groupId: string, memberId: string, language: MailLanguage): Promise<Member | undefined> {
  return db
    .updateTable("group_members")
    .set({ language })
    .where("id", "=", memberId)
    .where("groupId", "=", groupId)
    .returningAll()
    .executeTakeFirst();
}
