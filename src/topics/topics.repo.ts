import { sql, type Expression, type Kysely } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import type { DB } from "../db/schema.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Brief, Topic } from "./topics.schemas.js";

const TOPIC_COLUMNS = ["id", "groupId", "title", "theme", "description", "createdAt"] as const;
const BRIEF_COLUMNS = ["id", "topicId", "groupId", "challenge", "language", "createdAt"] as const;
const NEWEST_FIRST = [{ column: "createdAt", desc: true }, { column: "id" }];

/** Topics visible to a principal, newest first: a member's own group, or every group for the coordinator (groupId null). */
export async function listTopics(db: Kysely<DB>, groupId: string | null, page: PageRequest): Promise<Page<Topic>> {
  let q = db.selectFrom("topics").select(TOPIC_COLUMNS);
  if (groupId) q = q.where("groupId", "=", groupId);
  if (page.after) q = q.where(afterKey(NEWEST_FIRST, page.after));
  const rows = await q.orderBy("createdAt", "desc").orderBy("id").limit(page.limit + 1).execute();
  return toPage("topics", rows, page.limit, (t) => [t.createdAt, t.id]);
}

export async function findTopic(db: Kysely<DB>, id: string, groupId: string | null): Promise<Topic | undefined> {
  let q = db.selectFrom("topics").select(TOPIC_COLUMNS).where("id", "=", id);
  if (groupId) q = q.where("groupId", "=", groupId);
  return q.executeTakeFirst();
}

/** `createdBy` is the member who wrote it: an export lists it, an erasure removes it. */
export async function insertTopic(db: Kysely<DB>, t: Topic, createdBy: string): Promise<void> {
  await db.insertInto("topics").values({ ...t, createdBy }).execute();
}

/** The brief and its questions land together or not at all. */
export async function insertBrief(db: Kysely<DB>, atomic: AtomicWrite, b: Brief & { groupId: string; createdBy: string }): Promise<void> {
  await atomic([
    db
      .insertInto("briefs")
      .values({ id: b.id, topicId: b.topicId, groupId: b.groupId, challenge: b.challenge, language: b.language, createdAt: b.createdAt, createdBy: b.createdBy })
      .compile(),
    db
      .insertInto("brief_questions")
      .values(b.questions.map((text, position) => ({ briefId: b.id, position, text })))
      .compile(),
  ]);
}

/** The brief with its questions in one statement (one round trip on D1), for findBrief or a readTogether batch. */
/** `id` may be a subquery, so that the brief rides in one round trip with what names it. */
export function briefQuery(db: Kysely<DB>, id: string | Expression<string>) {
  return db
    .selectFrom("briefs as b")
    .select(BRIEF_COLUMNS.map((c) => `b.${c}` as const))
    .select(
      // An ORDER BY inside the aggregate (SQLite 3.44+, as in better-sqlite3 12 and D1) fixes the order.
      sql<string>`(select json_group_array(q.text order by q.position) from brief_questions q where q.briefId = b.id)`.as("questionsJson"),
    )
    .where("b.id", "=", id);
}

export type BriefRow = Awaited<ReturnType<ReturnType<typeof briefQuery>["executeTakeFirstOrThrow"]>>;

export function briefOf({ questionsJson, ...brief }: BriefRow): Brief & { groupId: string } {
  return { ...brief, questions: JSON.parse(questionsJson) as string[] };
}

export async function findBrief(db: Kysely<DB>, id: string): Promise<(Brief & { groupId: string }) | undefined> {
  const row = await briefQuery(db, id).executeTakeFirst();
  return row && briefOf(row);
}

export async function listBriefs(db: Kysely<DB>, topicId: string): Promise<Brief[]> {
  const briefs = await db.selectFrom("briefs").select(BRIEF_COLUMNS).where("topicId", "=", topicId).orderBy("createdAt").execute();
  if (briefs.length === 0) return [];
  const questions = await db
    .selectFrom("brief_questions")
    .select(["briefId", "text"])
    // A sub-select rather than one bound id per brief: D1 allows 100 parameters per statement.
    .where("briefId", "in", db.selectFrom("briefs").select("id").where("topicId", "=", topicId))
    .orderBy("briefId")
    .orderBy("position")
    .execute();
  return briefs.map(({ groupId: _g, ...b }) => ({ ...b, questions: questions.filter((q) => q.briefId === b.id).map((q) => q.text) }));
}
