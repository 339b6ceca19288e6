import type { Deps } from "../deps.js";
import { applyTransitions, planTransition, principalActor } from "../consultations/transition-writes.js";
import { findLinkByHash } from "../expert-access/expert-links.repo.js";
import type { Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { constantTimeEqual, hashSecret, newId } from "../lib/secrets.js";
import { findConsultationFacts, sessionEndOf, statusNow } from "./consultation-facts.repo.js";
import { evaluationWindow } from "./evaluation-window.js";
import { findEvaluationBy, upsertEvaluationIfChanged, type Side } from "./evaluations.repo.js";
import type { Evaluation, ExpertEvaluationView, SubmitEvaluation } from "./evaluations.schemas.js";
import { recordView } from "./evaluations-view.service.js";

type EvaluationDeps = Pick<Deps, "db" | "atomic" | "clock" | "effects">;
type Member = Extract<Principal, { role: "member" }>;

export interface Submitted {
  evaluation: Evaluation;
  /** False when this submission replaced the author's earlier one. */
  created: boolean;
}

interface Author {
  side: Side;
  authorId: string;
  /** Scopes a member to the own group; null for the expert, whose link names the consultation. */
  groupId: string | null;
  actor: { kind: "member" | "expert"; id: string };
}

/**
 * One atomic batch: mark the consultation if it may be evaluated now, upsert the evaluation keyed
 * on that mark, audit it, and move held → evaluated once both sides have evaluated.
 */
async function submit(deps: EvaluationDeps, author: Author, consultationId: string, input: SubmitEvaluation): Promise<Result<Submitted>> {
  const now = deps.clock.now();
  const id = newId();
  const { db } = deps;
  // Detail is the side only: the trail and the events never hold the ratings or the free text.
  const submitted = planTransition(db, {
    action: "evaluate",
    actor: author.actor,
    at: now,
    consultationId,
    groupId: author.groupId,
    detail: { side: author.side },
  });
  const completed = planTransition(db, { action: "completeEvaluation", actor: { kind: "system", id: null }, at: now, consultationId, afterChangeId: submitted.changeId });
  const { changed } = await applyTransitions(deps, [
    submitted,
    upsertEvaluationIfChanged(db, { id, consultationId, changeId: submitted.changeId, side: author.side, authorId: author.authorId, input, at: now.toISOString() }),
    completed,
  ]);
  if (changed(submitted) === 0) return whyNotEvaluable(deps, consultationId, author.groupId);
  const evaluation = await findEvaluationBy(db, consultationId, author.side, author.authorId);
  if (!evaluation) return fail("INTERNAL", "The evaluation was not stored");
  return ok({ evaluation, created: evaluation.id === id });
}

async function whyNotEvaluable(deps: Pick<Deps, "db" | "clock">, consultationId: string, groupId: string | null): Promise<Result<never>> {
  const facts = await findConsultationFacts(deps.db, consultationId, groupId);
  if (!facts) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  const now = deps.clock.now();
  const status = statusNow(facts, now);
  const window = evaluationWindow(
    { status, sessionEnd: sessionEndOf(facts, status), noShow: facts.noShow === 1, evaluationClosedAt: facts.evaluationClosedAt },
    now,
  );
  return fail("CONFLICT", window.open ? "The consultation changed meanwhile: try again" : window.message);
}

export function submitMemberEvaluation(deps: EvaluationDeps, by: Member, consultationId: string, input: SubmitEvaluation) {
  return submit(deps, { side: "member", authorId: by.memberId, groupId: by.groupId, actor: principalActor(by) as Author["actor"] }, consultationId, input);
}

/**
 * The expert evaluates through the same link that asked for the consultation. Unlike viewing and
 * confirming (resolveLink), the link's 60 days do not apply here: it works until the evaluation
 * closes, which the write itself checks. It opens only the consultation it was issued for.
 */
export async function submitExpertEvaluation(deps: EvaluationDeps, secret: string, input: SubmitEvaluation): Promise<Result<Submitted>> {
  const link = await findEvaluationLink(deps, secret);
  if (!link.ok) return link;
  const facts = await findConsultationFacts(deps.db, link.value.consultationId, null);
  if (!facts) return fail("NOT_FOUND", "This link is not valid");
  const author: Author = { side: "expert", authorId: facts.expertId, groupId: null, actor: { kind: "expert", id: facts.expertId } };
  return submit(deps, author, facts.id, input);
}

/** What the expert's evaluation form needs: whether it is open, and the expert's own evaluation so far. */
export async function expertEvaluationView(deps: Pick<Deps, "db" | "clock">, secret: string): Promise<Result<ExpertEvaluationView>> {
  const link = await findEvaluationLink(deps, secret);
  if (!link.ok) return link;
  const facts = await findConsultationFacts(deps.db, link.value.consultationId, null);
  if (!facts) return fail("NOT_FOUND", "This link is not valid");
  const { consultationId, status, evaluation } = recordView(facts, deps.clock.now());
  const mine = await findEvaluationBy(deps.db, facts.id, "expert", facts.expertId);
  return ok({ consultationId, status, evaluation, mine: mine ?? null });
}

async function findEvaluationLink(deps: Pick<Deps, "db">, secret: string): Promise<Result<{ consultationId: string }>> {
  if (secret.length < 20 || secret.length > 200) return fail("NOT_FOUND", "This link is not valid");
  const hash = await hashSecret(secret);
  const link = await findLinkByHash(deps.db, hash);
  if (!link || !constantTimeEqual(link.secretHash, hash)) return fail("NOT_FOUND", "This link is not valid");
  // A revoked link was used to decline: that consultation has no session to evaluate.
  if (link.revokedAt) return fail("GONE", "This link has already been used to decline");
  return ok({ consultationId: link.consultationId });
}
