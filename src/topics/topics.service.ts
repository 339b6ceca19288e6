import type { Deps } from "../deps.js";
import { recordAudit } from "../audit/audit.repo.js";
import type { Principal } from "../lib/auth.js";
import { actorOf } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { findBrief, findTopic, insertBrief, insertTopic, listBriefs, listTopics } from "./topics.repo.js";
import { claimFormKey } from "../consultations/form-submissions.repo.js";
import { themeKeysOnList } from "../themes/themes.service.js";
import type { Brief, CreateBrief, CreateTopic, Topic } from "./topics.schemas.js";

type TopicDeps = Pick<Deps, "db" | "atomic" | "clock">;
type Member = Extract<Principal, { role: "member" }>;

/** A topic's theme must be on the managed list; the list's key is stored. */
const topicTheme = async (deps: Pick<Deps, "db">, input: CreateTopic): Promise<Result<string>> => {
  const keys = await themeKeysOnList(deps, [input.theme], () => "theme");
  return keys.ok ? ok(keys.value[0]!) : keys;
};

export async function createTopic(deps: TopicDeps, by: Member, input: CreateTopic): Promise<Result<Topic>> {
  const theme = await topicTheme(deps, input);
  return theme.ok ? ok(await writeTopic(deps, by, { ...input, theme: theme.value })) : theme;
}

async function writeTopic(deps: TopicDeps, by: Member, input: CreateTopic): Promise<Topic> {
  const topic: Topic = { id: newId(), groupId: by.groupId, ...input, createdAt: deps.clock.now().toISOString() };
  await insertTopic(deps.db, topic, by.memberId);
  await recordAudit(deps.db, { ...actorOf(by), at: topic.createdAt, action: "topic.created", entityType: "topic", entityId: topic.id });
  return topic;
}

/**
 * A new topic with its first brief, as the pages' first step makes them. With `formKey`, the same
 * form sent again (a reload, a double click) creates nothing and answers the first send's brief.
 * The key is claimed first: a send that fails after it leaves a key pointing nowhere, and the
 * form, shown again, carries a fresh one.
 */
export async function createTopicWithBrief(
  deps: TopicDeps,
  by: Member,
  topicInput: CreateTopic,
  briefInput: CreateBrief,
  opts: { formKey?: string } = {},
): Promise<Result<{ briefId: string; repeated: boolean }>> {
  // The theme is checked before the form's key is claimed, so a refused send can be corrected and sent again.
  const theme = await topicTheme(deps, topicInput);
  if (!theme.ok) return theme;
  const briefId = newId();
  if (opts.formKey) {
    const prior = await claimFormKey(deps.db, { formKey: opts.formKey, groupId: by.groupId, resultId: briefId, at: deps.clock.now() });
    if (prior) return ok({ briefId: prior, repeated: true });
  }
  const topic = await writeTopic(deps, by, { ...topicInput, theme: theme.value });
  const brief = await createBrief(deps, by, topic.id, briefInput, briefId);
  return brief.ok ? ok({ briefId: brief.value.id, repeated: false }) : brief;
}

export async function createBrief(deps: TopicDeps, by: Member, topicId: string, input: CreateBrief, id: string = newId()): Promise<Result<Brief>> {
  // Another group's topic answers exactly like a missing one.
  const topic = await findTopic(deps.db, topicId, by.groupId);
  if (!topic) return fail("NOT_FOUND", `No topic with id ${topicId}`);
  const brief: Brief = { id, topicId, ...input, createdAt: deps.clock.now().toISOString() };
  await insertBrief(deps.db, deps.atomic, { ...brief, groupId: by.groupId, createdBy: by.memberId });
  await recordAudit(deps.db, { ...actorOf(by), at: brief.createdAt, action: "brief.created", entityType: "topic", entityId: topicId, detail: { briefId: brief.id } });
  return ok(brief);
}

/** A brief with its topic, only when both are the member's group's (another group's answers like a missing one). */
export async function groupBrief(deps: Pick<Deps, "db">, by: Member, briefId: string) {
  const brief = await findBrief(deps.db, briefId);
  if (!brief || brief.groupId !== by.groupId) return undefined;
  const topic = await findTopic(deps.db, brief.topicId, by.groupId);
  return topic ? { brief, topic } : undefined;
}

/** The group's latest topics, each with its briefs newest first, for reuse in a new consultation. */
export async function groupTopicsWithBriefs(deps: Pick<Deps, "db">, by: Member, topics: number) {
  const { items } = await listTopics(deps.db, by.groupId, { limit: topics });
  const withBriefs = await Promise.all(items.map(async (topic) => ({ topic, briefs: (await listBriefs(deps.db, topic.id)).reverse() })));
  return withBriefs.filter((t) => t.briefs.length > 0);
}
