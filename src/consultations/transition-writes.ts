import { sql, type CompiledQuery, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { Deps } from "../deps.js";
import type { ConsultationsTable, DB } from "../db/schema.js";
import type { StatementResult } from "../db/atomic.js";
import { auditIfChanged } from "../audit/audit.repo.js";
import { eventRecordQueries } from "../events/event-records.js";
import type { Capabilities } from "../events/subscriptions.js";
import { windowOpenedAfter } from "../evaluations/evaluation-window.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { newId } from "../lib/secrets.js";
import { refreshReportRows } from "../reports/report-rows.js";
import { CREATED_EVENT, TRANSITIONS, type Action, type ActorKind, type Guard, type TransitionRule } from "./transitions.js";

/** Ids and codes only: the audit trail and the events never hold free text or e-mail addresses. */
export type TransitionDetail = Record<string, string | number | boolean | null>;

/** Columns an action writes besides the status and its bookkeeping. */
export type ConsultationChanges = Pick<
  Updateable<ConsultationsTable>,
  "closeReason" | "fundingSource" | "noShow" | "actualStart" | "actualMinutes" | "ownMeetingUrl"
>;

export interface TransitionRequest {
  action: Action;
  actor: { kind: ActorKind; id: string | null };
  at: Date;
  /** Omitted only for the system's sweeps, which move every consultation the guard lets through. */
  consultationId?: string;
  /** A member's group: the write changes nothing outside it. */
  groupId?: string | null;
  /** confirm, acceptCounter: the chosen proposed time. */
  slotId?: string;
  /** reschedule, counterPropose: the round the new times were validated against, so two new rounds cannot interleave. */
  expectedRound?: number;
  /** Applies only if an earlier statement of the same batch marked the row with this changeId. */
  afterChangeId?: string;
  set?: ConsultationChanges;
  detail?: TransitionDetail;
}

export interface PlannedTransition {
  request: TransitionRequest;
  changeId: string;
  /** The conditional UPDATE; its `changes` says whether the transition applied. */
  update: CompiledQuery;
  /** Audit entry, event, and the consumers' delivery records, each keyed on changeId. */
  records: CompiledQuery[];
}

type Where = ExpressionBuilder<DB, "consultations">;

function slotExists(eb: Where, extra: (q: ExpressionBuilder<DB, "proposed_slots">) => Expression<SqlBool>, current: "round" | "confirmed") {
  return eb.exists(
    eb
      .selectFrom("proposed_slots")
      .select("proposed_slots.id")
      .where((q) =>
        current === "round"
          ? q.and([
              q("proposed_slots.consultationId", "=", q.ref("consultations.id")),
              q("proposed_slots.round", "=", q.ref("consultations.slotRound")),
              extra(q),
            ])
          : q.and([q("proposed_slots.id", "=", q.ref("consultations.confirmedSlotId")), extra(q)]),
      ),
  );
}

/** The SQL form of each guard (transitions.ts guardHolds is the same rule over facts). */
function guardSql(eb: Where, guard: Guard, req: TransitionRequest): Expression<SqlBool> | null {
  const at = req.at.toISOString();
  switch (guard) {
    case "none":
      return null;
    case "someSlotAhead":
      return slotExists(eb, (q) => q("proposed_slots.start", ">", at), "round");
    case "groupChoiceAhead":
    case "expertChoiceAhead":
      return eb.and([
        eb("consultations.slotsProposedBy", "=", guard === "groupChoiceAhead" ? "group" : "expert"),
        slotExists(eb, (q) => q.and([q("proposed_slots.id", "=", req.slotId ?? ""), q("proposed_slots.start", ">", at)]), "round"),
      ]);
    case "groupSlotAhead":
      return eb.and([eb("consultations.slotsProposedBy", "=", "group"), slotExists(eb, (q) => q("proposed_slots.start", ">", at), "round")]);
    case "noSlotAhead":
      return eb.not(slotExists(eb, (q) => q("proposed_slots.start", ">", at), "round"));
    case "sessionNotEnded":
      return slotExists(eb, (q) => q("proposed_slots.end", ">", at), "confirmed");
    case "sessionEnded":
      return slotExists(eb, (q) => q("proposed_slots.end", "<=", at), "confirmed");
    case "evaluationOpen":
      return eb.and([
        eb("consultations.noShow", "=", 0),
        eb("consultations.evaluationClosedAt", "is", null),
        slotExists(eb, (q) => q.and([q("proposed_slots.end", "<=", at), q("proposed_slots.end", ">", windowOpenedAfter(req.at))]), "confirmed"),
      ]);
    case "bothSidesEvaluated": {
      const side = (s: "member" | "expert") =>
        eb.exists(
          eb
            .selectFrom("evaluations")
            .select("evaluations.id")
            .where((q) => q.and([q("evaluations.consultationId", "=", q.ref("consultations.id")), q("evaluations.side", "=", s)])),
        );
      return eb.and([side("member"), side("expert")]);
    }
  }
}

/** The columns each action stamps besides the status. */
function stamps(action: Action, req: TransitionRequest): Updateable<ConsultationsTable> {
  const at = req.at.toISOString();
  switch (action) {
    case "request":
      return { requestedAt: at };
    case "confirm":
    case "acceptCounter":
      return { confirmedSlotId: req.slotId ?? null, confirmedAt: at };
    case "counterPropose":
      return { slotsProposedBy: "expert" };
    case "reschedule":
      return { slotsProposedBy: "group" };
    case "decline":
    case "cancel":
    case "expire":
      return { closedAt: at };
    case "closeEvaluation":
      return { evaluationClosedAt: at };
    default:
      return {};
  }
}

/**
 * Turns a transition into its statements for one atomic batch: the conditional UPDATE whose WHERE
 * is derived from TRANSITIONS, then the audit entry, the event and its delivery records, written
 * only if the UPDATE changed the row (they select on the fresh changeId). No read-then-write.
 * `can` (deps.effects.capabilities) leaves out the delivery records this deployment cannot act on.
 */
export function planTransition(db: Kysely<DB>, req: TransitionRequest, can?: Capabilities): PlannedTransition {
  const rule: TransitionRule = TRANSITIONS[req.action];
  if (!rule.by.includes(req.actor.kind)) throw new Error(`A ${req.actor.kind} may not ${req.action} a consultation`);
  if (req.actor.kind !== "system" && !req.consultationId) throw new Error(`${req.action} needs a consultation id`);
  const changeId = newId();
  const at = req.at.toISOString();
  let update = db
    .updateTable("consultations")
    .set((eb) => ({
      ...req.set,
      ...stamps(req.action, req),
      ...(rule.to ? { status: rule.to } : {}),
      // A new round of times: the group's (reschedule) or the expert's (counterPropose).
      ...(req.action === "reschedule" || req.action === "counterPropose" ? { slotRound: eb("slotRound", "+", 1) } : {}),
      // SET expressions see the row as it was: this keeps the state the transition started from.
      previousStatus: eb.ref("status"),
      changeId,
      updatedAt: at,
    }))
    .where((eb) =>
      eb.or(
        rule.from.map((f) => {
          const guard = guardSql(eb, f.guard, req);
          const state = eb("consultations.status", "=", f.state);
          return guard ? eb.and([state, guard]) : state;
        }),
      ),
    );
  if (req.consultationId) update = update.where("consultations.id", "=", req.consultationId);
  if (req.groupId) update = update.where("consultations.groupId", "=", req.groupId);
  if (req.expectedRound !== undefined) update = update.where("consultations.slotRound", "=", req.expectedRound);
  if (req.afterChangeId) update = update.where("consultations.changeId", "=", req.afterChangeId);
  const target = { consultationId: req.consultationId, changeId };
  const actor = { actorType: req.actor.kind, actorId: req.actor.id };
  return {
    request: req,
    changeId,
    update: update.compile(),
    records: [
      auditIfChanged(db, target, { ...actor, at, action: rule.event, detail: req.detail }),
      ...eventRecordQueries(db, { ...target, type: rule.event, actorType: req.actor.kind, at, detail: req.detail }, can),
    ],
  };
}

export interface AppliedTransition {
  /** Rows the transition changed (0: refused, nothing written). */
  changed: number;
  results: StatementResult[];
}

/**
 * Runs planned transitions and any statements that hang on them (slots, links, evaluations;
 * keyed on a plan's changeId) as one atomic batch, then lets the event consumers act on what was
 * applied: the seam through which a confirmation answers with its meeting.
 */
export async function applyTransitions(
  deps: Pick<Deps, "db" | "atomic" | "effects">,
  batch: (CompiledQuery | PlannedTransition)[],
): Promise<{ changed: (plan: PlannedTransition) => number; results: StatementResult[] }> {
  const queries: CompiledQuery[] = [];
  const updateIndex = new Map<PlannedTransition, number>();
  for (const item of batch) {
    if ("update" in item && "records" in item) {
      updateIndex.set(item, queries.length);
      // Consumers whose whole effect is a database row act inside the batch (the invitation-file calendar).
      queries.push(item.update, ...item.records, ...deps.effects.inBatch(item));
    } else {
      queries.push(item as CompiledQuery);
    }
  }
  const plans = [...updateIndex.keys()];
  const written = queries.length;
  // After every write of the batch: the report's rows of the consultations the transitions changed.
  for (const plan of plans) queries.push(...refreshReportRows(deps.db, { changeId: plan.changeId }));
  // Last in the batch: whether any consumer (webhooks included) still has work from these transitions.
  const events = deps.db.selectFrom("consultation_events").select("id").where("changeId", "in", plans.map((p) => p.changeId));
  queries.push(
    deps.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("pending"))
      .where("status", "=", "pending")
      .where("eventId", "in", events)
      .unionAll(deps.db.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll<number>().as("pending")).where("status", "=", "pending").where("eventId", "in", events))
      .compile(),
  );
  const results = await deps.atomic(queries);
  const changed = (plan: PlannedTransition) => results[updateIndex.get(plan) ?? -1]?.changes ?? 0;
  if ((results.at(-1)?.rows ?? []).some((r) => Number(r.pending) > 0)) {
    const touched = new Set<string>();
    for (const plan of plans) if (changed(plan) > 0 && plan.request.consultationId) touched.add(plan.request.consultationId);
    for (const id of touched) await deps.effects.settle(id);
  }
  return { changed, results: results.slice(0, written) };
}

/** One transition, with the statements that hang on it. */
export async function applyTransition(
  deps: Pick<Deps, "db" | "atomic" | "effects">,
  req: TransitionRequest,
  dependents: (changeId: string) => CompiledQuery[] = () => [],
): Promise<AppliedTransition & { changeId: string }> {
  const plan = planTransition(deps.db, req, deps.effects.capabilities);
  const { changed, results } = await applyTransitions(deps, [plan, ...dependents(plan.changeId)]);
  return { changed: changed(plan), results, changeId: plan.changeId };
}

/** The columns of a new draft consultation (its status and bookkeeping are set here). */
/** The columns a new draft takes from its caller; status, round and times are planDraft's. */
export type NewDraft = Pick<ConsultationsTable, "id" | "groupId" | "topicId" | "briefId" | "expertId" | "createdBy" | "durationMinutes">;

/**
 * Creating a consultation is the one write of a status outside planTransition: a new draft.
 * With `followUpOf`, the row is inserted only if an evaluation of that consultation (in the same
 * group) asked for a follow-up at that moment. Returns the insert and the created event's
 * records, keyed on the new row's changeId.
 */
export function planDraft(
  db: Kysely<DB>,
  draft: NewDraft,
  opts: { at: Date; actor: { kind: ActorKind; id: string | null }; followUpOf?: string; detail?: TransitionDetail },
): { changeId: string; insert: CompiledQuery; records: CompiledQuery[] } {
  const changeId = newId();
  const at = opts.at.toISOString();
  const origin = opts.followUpOf;
  const insert = origin
    ? db
        .insertInto("consultations")
        .columns(["id", "groupId", "topicId", "briefId", "expertId", "createdBy", "durationMinutes", "status", "slotRound", "changeId", "createdAt", "updatedAt", "followUpOf"])
        .expression(
          db
            .selectFrom("consultations as origin")
            .select([
              sql<string>`${draft.id}`.as("id"),
              "origin.groupId",
              sql<string>`${draft.topicId}`.as("topicId"),
              sql<string>`${draft.briefId}`.as("briefId"),
              sql<string>`${draft.expertId}`.as("expertId"),
              sql<string | null>`${draft.createdBy}`.as("createdBy"),
              sql<number>`${draft.durationMinutes}`.as("durationMinutes"),
              sql<string>`${"draft"}`.as("status"),
              sql<number>`0`.as("slotRound"),
              sql<string>`${changeId}`.as("changeId"),
              sql<string>`${at}`.as("createdAt"),
              sql<string>`${at}`.as("updatedAt"),
              "origin.id as followUpOf",
            ])
            .where("origin.id", "=", origin)
            .where("origin.groupId", "=", draft.groupId)
            .where(({ exists, selectFrom }) =>
              exists(selectFrom("evaluations as ev").select("ev.id").whereRef("ev.consultationId", "=", "origin.id").where("ev.followUpInterest", "=", 1)),
            ),
        )
        .compile()
    : db
        .insertInto("consultations")
        .values({ ...draft, status: "draft", slotRound: 0, changeId, createdAt: at, updatedAt: at })
        .compile();
  const target = { consultationId: draft.id, changeId };
  const actor = { actorType: opts.actor.kind, actorId: opts.actor.id };
  return {
    changeId,
    insert,
    records: [
      auditIfChanged(db, target, { ...actor, at, action: CREATED_EVENT, detail: opts.detail }),
      ...eventRecordQueries(db, { ...target, type: CREATED_EVENT, actorType: opts.actor.kind, at, detail: opts.detail }),
      // Callers put the records after the draft's proposed times, so the report's row sees them.
      ...refreshReportRows(db, { changeId }),
    ],
  };
}

/** The actor of a transition taken by a signed-in person. */
export function principalActor(p: Principal): { kind: ActorKind; id: string } {
  // actorOf names a coordinator signed in without a token (OpenID Connect, e-mail link) too.
  return p.role === "member" ? { kind: "member", id: p.memberId } : { kind: "coordinator", id: actorOf(p).actorId };
}

/**
 * Erasure and retention (src/privacy) remove a reason for closing, which is free text. Not a
 * transition: status, changeId and events stay as they are. The caller narrows it with `where`.
 */
export function clearCloseReasons(db: Kysely<DB>) {
  return db.updateTable("consultations").set({ closeReason: null }).where("closeReason", "is not", null);
}
