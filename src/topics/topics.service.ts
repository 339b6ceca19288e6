import type { Deps } from "../deps.js";
import { recordAudit } from "../audit/audit.repo.js";
import type { Principal } from "../lib/auth.js";
import { actorOf } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { findTopic, insertBrief, insertTopic } from "./topics.repo.js";
import type { Brief, CreateBrief, CreateTopic, Topic } from "./topics.schemas.js";

type TopicDeps = Pick<Deps, "db" | "atomic" | "clock">;
type Member = Extract<Principal, { role: "member" }>;

export async function createTopic(deps: TopicDeps, by: Member, input: CreateTopic): Promise<Topic> {
  const topic: Topic = { id: newId(), groupId: by.groupId, ...input, createdAt: deps.clock.now().toISOString() };
  await insertTopic(deps.db, topic, by.memberId);
  await recordAudit(deps.db, { ...actorOf(by), at: topic.createdAt, action: "topic.created", entityType: "topic", entityId: topic.id });
  return topic;
}

export async function createBrief(deps: TopicDeps, by: Member, topicId: string, input: CreateBrief): Promise<Result<Brief>> {
  // Another group's topic answers exactly like a missing one.
  const topic = await findTopic(deps.db, topicId, by.groupId);
  if (!topic) return fail("NOT_FOUND", `No topic with id ${topicId}`);
  const brief: Brief = { id: newId(), topicId, ...input, createdAt: deps.clock.now().toISOString() };
  await insertBrief(deps.db, deps.atomic, { ...brief, groupId: by.groupId, createdBy: by.memberId });
  await recordAudit(deps.db, { ...actorOf(by), at: brief.createdAt, action: "brief.created", entityType: "topic", entityId: topicId, detail: { briefId: brief.id } });
  return ok(brief);
}
