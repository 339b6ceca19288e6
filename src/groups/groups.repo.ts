import type { Kysely } from "kysely";
import type { DB, MailLanguage } from "../db/schema.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Group, Member } from "./groups.schemas.js";

export async function insertGroup(db: Kysely<DB>, g: Group): Promise<void> {
  await db.insertInto("dev_groups").values(g).execute();
}

/** The name of a consultation's group, as a statement for a batch. */
export const groupNameOfConsultationQuery = (db: Kysely<DB>, consultationId: string) =>
  db
    .selectFrom("dev_groups as g")
    .innerJoin("consultations as c", "c.groupId", "g.id")
    .select("g.name")
    .where("c.id", "=", consultationId)
    .compile();

export async function findGroup(db: Kysely<DB>, id: string): Promise<Group | undefined> {
  return db.selectFrom("dev_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The member's and their group's names, in one statement (the pages' "signed in as" line). */
/**
 * What every page of a signed-in member shows in its frame: who, for which group, and the
 * group's zone (its pages show local times), in one statement to batch with the page's reads.
 */
export function memberFrameQuery(db: Kysely<DB>, memberId: string, groupId: string) {
  return db
    .selectFrom("group_members as m")
    .innerJoin("dev_groups as g", "g.id", "m.groupId")
    .select(["m.name as name", "g.name as group", "g.timeZone as timeZone"])
    .where("m.id", "=", memberId)
    .where("m.groupId", "=", groupId);
}

const BY_NAME = [{ column: "name" }, { column: "id" }];

/** All groups by name, as a statement for a page's batch (the pages' choice lists). */
export const allGroupsQuery = (db: Kysely<DB>) => db.selectFrom("dev_groups").selectAll().orderBy("name").orderBy("id").compile();

/** By name, one page at a time; without a page, all of them (the pages' choice lists). */
export async function listGroups(db: Kysely<DB>, page?: PageRequest): Promise<Page<Group>> {
  if (!page) return { items: (await db.executeQuery(allGroupsQuery(db))).rows, nextCursor: null };
  let q = db.selectFrom("dev_groups").selectAll();
  if (page.after) q = q.where(afterKey(BY_NAME, page.after));
  const rows = await q.orderBy("name").orderBy("id").limit(page.limit + 1).execute();
  return toPage("groups", rows, page.limit, (g) => [g.name, g.id]);
}

/** A second current member with the same e-mail address throws a UNIQUE violation (migrations/0012). */
export async function insertMember(db: Kysely<DB>, m: Member): Promise<void> {
  await db.insertInto("group_members").values(m).execute();
}

const memberColumns = ["id", "groupId", "name", "email", "language", "createdAt"] as const;

const BY_ADDED = [{ column: "createdAt" }, { column: "id" }];

/**
 * The group's current members in the order they were added; removed and erased ones stay in
 * the table for the history. Without a page, all of them (a group has a handful).
 */
export async function listMembers(db: Kysely<DB>, groupId: string, page?: PageRequest): Promise<Page<Member>> {
  let q = db.selectFrom("group_members").select(memberColumns).where("groupId", "=", groupId).where("removedAt", "is", null).where("erasedAt", "is", null);
  if (page?.after) q = q.where(afterKey(BY_ADDED, page.after));
  q = q.orderBy("createdAt").orderBy("id");
  if (!page) return { items: await q.execute(), nextCursor: null };
  return toPage("members", await q.limit(page.limit + 1).execute(), page.limit, (m) => [m.createdAt, m.id]);
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

/** The language a member's mail and invitations are written in (fi when the member is unknown). */
/** The ids of a group's members who have not been removed. */
export async function currentMemberIds(db: Kysely<DB>, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom("group_members").select("id").where("groupId", "=", groupId).where("removedAt", "is", null).execute();
  return rows.map((m) => m.id);
}

/** Members (not removed) with their group's time zone and country, for finding common free times. */
export function membersWithTheirGroups(db: Kysely<DB>, ids: string[]) {
  return db
    .selectFrom("group_members as m")
    .innerJoin("dev_groups as g", "g.id", "m.groupId")
    .select(["m.id", "m.email", "m.groupId", "g.timeZone", "g.country"])
    .where("m.id", "in", ids)
    .where("m.removedAt", "is", null)
    .execute();
}

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
