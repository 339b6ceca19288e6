import type { ConsultationStatus } from "../db/schema.js";
import { windowOpenedAfter } from "../evaluations/evaluation-window.js";

/**
 * The consultation lifecycle as data (shared/DOMAIN.md): every action, who may take it, the
 * states it may start from with the time guard that applies there, and the state it leads to.
 * The conditional writes (transition-writes.ts) derive their WHERE from this table and the
 * pages ask allowedActions() below, so what a page offers is what the API accepts.
 */
export type ActorKind = "member" | "coordinator" | "expert" | "system";

/**
 * Time and data conditions a transition needs besides the state. Each has an SQL form
 * (transition-writes.ts guardSql) and a form over facts (guardHolds), checked against each other
 * for every state, action and time relation by tests/contract/transitions.contract.ts.
 */
export type Guard =
  | "none"
  /** Some proposed time of the current round has not started. */
  | "someSlotAhead"
  /** The chosen time belongs to the current round, which the group proposed, and has not started. */
  | "groupChoiceAhead"
  /** The chosen time belongs to the current round, which the expert proposed, and has not started. */
  | "expertChoiceAhead"
  /** The current round is the group's and some time of it has not started. */
  | "groupSlotAhead"
  /** The confirmed session has not ended. */
  | "sessionNotEnded"
  /** The confirmed session has ended. */
  | "sessionEnded"
  /** Every proposed time of the current round has started. */
  | "noSlotAhead"
  /** The session ended less than 14 days ago, no no-show, not closed by the coordinator. */
  | "evaluationOpen"
  /** Both a member and the expert have evaluated. */
  | "bothSidesEvaluated";

export interface From {
  state: ConsultationStatus;
  guard: Guard;
}

export interface TransitionRule {
  /** The event (and audit action) an applied transition writes. */
  event: string;
  by: readonly ActorKind[];
  from: readonly From[];
  /** null: the state stays (an action on the consultation that is not a change of state). */
  to: ConsultationStatus | null;
}

const group = ["member", "coordinator"] as const;
const from = (guard: Guard, ...states: ConsultationStatus[]): From[] => states.map((state) => ({ state, guard }));

export const TRANSITIONS = {
  request: { event: "consultation.requested", by: group, from: from("someSlotAhead", "draft"), to: "requested" },
  confirm: { event: "consultation.confirmed", by: ["expert"], from: from("groupChoiceAhead", "requested"), to: "confirmed" },
  // None of the group's times suits: the expert proposes up to 3 of their own, a new round that
  // stays `requested` (slotsProposedBy = expert); the group accepts one or reschedules.
  counterPropose: { event: "consultation.counter_proposed", by: ["expert"], from: from("groupSlotAhead", "requested"), to: "requested" },
  // The group's confirm of an expert's time: the same outcome as the expert's confirm.
  acceptCounter: { event: "consultation.counter_accepted", by: group, from: from("expertChoiceAhead", "requested"), to: "confirmed" },
  // Declining after confirming (withdrawing) is the same action: the event's fromStatus tells them apart.
  decline: {
    event: "consultation.declined",
    by: ["expert"],
    from: [...from("someSlotAhead", "requested"), ...from("sessionNotEnded", "confirmed")],
    to: "declined",
  },
  cancel: {
    event: "consultation.cancelled",
    by: group,
    from: [...from("none", "draft"), ...from("someSlotAhead", "requested"), ...from("sessionNotEnded", "confirmed")],
    to: "cancelled",
  },
  // New times: back to requested, the expert confirms again through the same link, the same meeting moves.
  reschedule: {
    event: "consultation.rescheduled",
    by: group,
    from: [...from("someSlotAhead", "requested"), ...from("sessionNotEnded", "confirmed")],
    to: "requested",
  },
  hold: { event: "consultation.held", by: ["system"], from: from("sessionEnded", "confirmed"), to: "held" },
  expire: { event: "consultation.expired", by: ["system"], from: from("noSlotAhead", "requested"), to: "expired" },
  evaluate: {
    event: "evaluation.submitted",
    by: ["member", "expert"],
    from: from("evaluationOpen", "confirmed", "held", "evaluated"),
    to: null,
  },
  completeEvaluation: {
    event: "consultation.evaluated",
    by: ["system"],
    from: from("bothSidesEvaluated", "confirmed", "held"),
    to: "evaluated",
  },
  closeEvaluation: {
    event: "evaluation.closed",
    by: ["coordinator"],
    from: from("evaluationOpen", "confirmed", "held", "evaluated"),
    to: null,
  },
  recordOutcome: {
    event: "consultation.outcome_recorded",
    by: ["coordinator"],
    from: from("sessionEnded", "confirmed", "held", "evaluated"),
    to: null,
  },
  // Without a tenant the group may paste a meeting link it made itself (Graph's join link replaces it).
  setMeetingLink: {
    event: "consultation.meeting_link_set",
    by: group,
    from: [...from("none", "draft"), ...from("someSlotAhead", "requested"), ...from("sessionNotEnded", "confirmed")],
    to: null,
  },
  setFunding: {
    event: "consultation.funding_set",
    by: group,
    from: from("none", "draft", "requested", "confirmed", "held", "evaluated", "declined", "cancelled", "expired"),
    to: null,
  },
} as const satisfies Record<string, TransitionRule>;

export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

/** The event written when a consultation is created (a draft has no state before it). */
export const CREATED_EVENT = "consultation.created";

/** Every event type a consumer or webhook can subscribe to. */
export const EVENT_TYPES = [CREATED_EVENT, ...ACTIONS.map((a) => TRANSITIONS[a].event)] as const;

export const CLOSED_STATES: readonly ConsultationStatus[] = ["declined", "cancelled", "expired"];

export interface TimedSlot {
  id?: string;
  start: string;
  end: string;
}

/** What the guards look at, as a page or a service has it. */
export interface LifecycleFacts {
  /** Stored or effective (effectiveStatus): the guards make both give the same answer. */
  status: ConsultationStatus;
  /** The proposed times of the current round. */
  slots: readonly TimedSlot[];
  confirmedSlot: TimedSlot | null;
  /** Who proposed the current round (absent: the group). */
  slotsProposedBy?: "group" | "expert";
  noShow?: boolean;
  evaluationClosedAt?: string | null;
  evaluatedSides?: { member: boolean; expert: boolean };
}

const ms = (iso: string) => Date.parse(iso);

/** The guard over facts; the SQL form in transition-writes.ts must agree (tested on both engines). */
export function guardHolds(guard: Guard, facts: LifecycleFacts, now: Date, slotId?: string): boolean {
  const t = now.getTime();
  const session = facts.confirmedSlot;
  switch (guard) {
    case "none":
      return true;
    case "someSlotAhead":
      return facts.slots.some((s) => ms(s.start) > t);
    case "groupChoiceAhead":
    case "expertChoiceAhead": {
      const by = guard === "groupChoiceAhead" ? "group" : "expert";
      if ((facts.slotsProposedBy ?? "group") !== by) return false;
      return slotId === undefined ? facts.slots.some((s) => ms(s.start) > t) : facts.slots.some((s) => s.id === slotId && ms(s.start) > t);
    }
    case "groupSlotAhead":
      return (facts.slotsProposedBy ?? "group") === "group" && facts.slots.some((s) => ms(s.start) > t);
    case "noSlotAhead":
      return !facts.slots.some((s) => ms(s.start) > t);
    case "sessionNotEnded":
      return session !== null && ms(session.end) > t;
    case "sessionEnded":
      return session !== null && ms(session.end) <= t;
    case "evaluationOpen":
      return (
        session !== null &&
        !facts.noShow &&
        !facts.evaluationClosedAt &&
        ms(session.end) <= t &&
        session.end > windowOpenedAfter(now)
      );
    case "bothSidesEvaluated":
      return facts.evaluatedSides?.member === true && facts.evaluatedSides.expert === true;
  }
}

/** Whether `actor` may take `action` now; the rule the conditional write enforces. */
export function mayTake(action: Action, facts: LifecycleFacts, actor: ActorKind, now: Date, slotId?: string): boolean {
  const rule: TransitionRule = TRANSITIONS[action];
  if (!rule.by.includes(actor)) return false;
  return rule.from.some((f) => f.state === facts.status && guardHolds(f.guard, facts, now, slotId));
}

/** The actions `actor` may take now: what the pages offer, from the same table the writes use. */
export function allowedActions(facts: LifecycleFacts, actor: ActorKind, now: Date): Action[] {
  return ACTIONS.filter((a) => mayTake(a, facts, actor, now));
}

/** The state an applied action leads to from `state`. */
export function targetOf(action: Action, state: ConsultationStatus): ConsultationStatus {
  return TRANSITIONS[action].to ?? state;
}

/**
 * The status as of `now`: time turns confirmed into held (the session has ended) and requested
 * into expired (every proposed time has started), before the sweep persists it with hold/expire.
 */
export function effectiveStatus(stored: ConsultationStatus, confirmedSlot: TimedSlot | null, currentSlots: readonly TimedSlot[], now: Date): ConsultationStatus {
  const facts = { status: stored, slots: currentSlots, confirmedSlot };
  if (stored === "confirmed" && guardHolds("sessionEnded", facts, now)) return "held";
  if (stored === "requested" && guardHolds("noSlotAhead", facts, now)) return "expired";
  return stored;
}
