import type { Deps } from "../deps.js";
import { cancelConsultation, createConsultation } from "../consultations/consultations.service.js";
import { advanceLifecycle } from "../consultations/lifecycle-sweep.js";
import { requestConsultation } from "../consultations/request-consultation.js";
import { closeEvaluation, recordOutcome, setFunding } from "../evaluations/consultation-outcome.service.js";
import type { FundingSource } from "../evaluations/consultation-outcome.schemas.js";
import { submitExpertEvaluation, submitMemberEvaluation } from "../evaluations/evaluations.service.js";
import { createFollowUp } from "../evaluations/follow-up.service.js";
import { confirmSlot, declineRequest } from "../expert-access/expert-access.service.js";
import type { Principal } from "../lib/auth.js";
import type { NordicCountry } from "../lib/common-schemas.js";
import type { Result } from "../lib/errors.js";
import { suggestTimes } from "../scheduling/suggest-times.js";
import { demoEvaluation } from "./demo-ratings.js";
import type { Random } from "./seeded-random.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's own moving clock over the services, and what every consultation needs to know. */
export interface DemoWorld {
  deps: Deps;
  moveTo(ms: number): void;
  today: number;
  rnd: Random;
  coordinator: Extract<Principal, { role: "coordinator" }>;
}

export interface DemoTopicHandle {
  id: string;
  briefId: string;
  questions: number;
}
export interface DemoGroupHandle {
  name: string;
  members: { principal: Extract<Principal, { role: "member" }>; name: string; token: string }[];
}
export interface DemoExpertHandle {
  id: string;
  timeZone: string;
  country: NordicCountry;
}

/** Where a consultation's story ends. */
export type Fate = "draft" | "requested" | "confirmed" | "declined" | "cancelled" | "expired" | "no_show" | "held_open" | "held_closed" | "evaluated";

export interface DemoPlan {
  group: DemoGroupHandle;
  topic: DemoTopicHandle;
  expert: DemoExpertHandle;
  createdAt: number;
  durationMinutes: number;
  fate: Fate;
  funding?: FundingSource;
  followUpOf?: string;
}

export interface Played {
  id: string;
  /** Some evaluation asked for a follow-up. */
  followUpInterest: boolean;
  sessionEnd: number | null;
  /** The expert's link, once the request was sent: the demo prints the open ones. */
  expertLink: string | null;
}

/** A demo that cannot be written is a bug in the demo: fail loudly with what went wrong. */
function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo: ${what}: ${result.code} ${result.message}`);
  return result.value;
}

/** Two proposed times about a week ahead, on working days and in office hours for both sides. */
function proposeTimes(plan: DemoPlan): { start: string }[] {
  const suggestions = suggestTimes({
    from: new Date(plan.createdAt + 7 * DAY).toISOString(),
    to: new Date(plan.createdAt + 35 * DAY).toISOString(),
    durationMinutes: plan.durationMinutes,
    groupZone: "Europe/Helsinki",
    groupCountry: "FI",
    expertZone: plan.expert.timeZone,
    expertCountry: plan.expert.country,
    busy: [],
    now: new Date(plan.createdAt).toISOString(),
    workingHours: { start: "09:00", end: "15:00" },
    limit: 200,
    gridMinutes: 15,
  });
  const first = suggestions[0];
  const otherDay = suggestions.find((s) => first && s.start.slice(0, 10) !== first.start.slice(0, 10));
  if (!first || !otherDay) throw new Error(`demo: no working-day times for an expert in ${plan.expert.timeZone}`);
  return [{ start: first.start }, { start: otherDay.start }];
}

/** Takes one consultation through the services, moving the demo clock, up to its planned fate. */
export async function playConsultation(w: DemoWorld, plan: DemoPlan): Promise<Played> {
  const { deps, rnd } = w;
  const [author, ...others] = plan.group.members.map((m) => m.principal);
  const at = (ms: number) => w.moveTo(Math.min(ms, w.today - HOUR));
  at(plan.createdAt);
  const slots = proposeTimes(plan);
  const input = { briefId: plan.topic.briefId, durationMinutes: plan.durationMinutes, slots };
  const draft = plan.followUpOf
    ? must(await createFollowUp(deps, author!, plan.followUpOf, input), "follow-up")
    : must(await createConsultation(deps, author!, { ...input, topicId: plan.topic.id, expertId: plan.expert.id }), "create");
  const played: Played = { id: draft.id, followUpInterest: false, sessionEnd: null, expertLink: null };
  if (plan.fate === "draft") return played;

  at(plan.createdAt + 2 * HOUR);
  const requested = must(await requestConsultation(deps, author!, draft.id), "request");
  const secret = requested.expertLink.split("/e/")[1]!;
  played.expertLink = requested.expertLink;
  if (plan.fate === "requested" || plan.fate === "expired") return played;

  at(plan.createdAt + rnd.int(1, 4) * DAY);
  if (plan.fate === "declined") {
    must(await declineRequest(deps, secret, undefined), "decline");
    return played;
  }
  const slot = rnd.pick(requested.slots);
  must(await confirmSlot(deps, secret, slot.id), "confirm");
  if (plan.fate === "confirmed") return played;
  if (plan.fate === "cancelled") {
    must(await cancelConsultation(deps, author!, draft.id, "The group could not attend after all"), "cancel");
    return played;
  }

  const end = Date.parse(slot.end);
  played.sessionEnd = end;
  at(end + HOUR);
  // The server's sweep marks the session held soon after it ends; without it here the history
  // would show the evaluations first and "held" only at the demo's end.
  await advanceLifecycle(deps);
  if (plan.fate === "no_show") {
    must(await recordOutcome(deps, w.coordinator, draft.id, { noShow: true }), "no-show");
    return played;
  }
  const traits = { durationMinutes: plan.durationMinutes, briefQuestions: plan.topic.questions, quality: 3.4 + rnd.next() * 1.4 };
  // The author always answers, the others mostly; the expert only where both sides are to have evaluated.
  const members = [author!, ...others.filter(() => rnd.chance(0.75))];
  let now = end + HOUR;
  for (const member of members) {
    at((now += rnd.int(1, 24) * HOUR));
    const evaluation = demoEvaluation(rnd, "member", traits);
    played.followUpInterest ||= evaluation.followUpInterest;
    must(await submitMemberEvaluation(deps, member, draft.id, evaluation), "member evaluation");
  }
  if (plan.fate === "evaluated") {
    at((now += rnd.int(1, 48) * HOUR));
    const evaluation = demoEvaluation(rnd, "expert", traits);
    played.followUpInterest ||= evaluation.followUpInterest;
    must(await submitExpertEvaluation(deps, secret, evaluation), "expert evaluation");
  }
  if (rnd.chance(0.35)) {
    const actualStart = new Date(Date.parse(slot.start) + rnd.int(0, 6) * 60_000).toISOString();
    must(await recordOutcome(deps, w.coordinator, draft.id, { actualStart, actualMinutes: plan.durationMinutes + rnd.int(-6, 3) }), "outcome");
  }
  if (plan.funding) must(await setFunding(deps, w.coordinator, draft.id, plan.funding), "funding");
  if (plan.fate === "held_closed" || (plan.fate === "evaluated" && rnd.chance(0.4))) {
    at(end + 6 * DAY);
    must(await closeEvaluation(deps, w.coordinator, draft.id), "close");
  }
  return played;
}
