import type { ConsultationStatus } from "../db/schema.js";

/**
 * The consultation lifecycle (shared/DOMAIN.md):
 * draft → requested → confirmed → held → evaluated, with declined, cancelled and expired as exits.
 * A reschedule takes a confirmed consultation back to requested, keeping its meeting.
 */
const transitions: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  draft: ["requested", "cancelled"],
  requested: ["confirmed", "declined", "cancelled", "expired"],
  confirmed: ["held", "requested", "declined", "cancelled"],
  held: ["evaluated"],
  evaluated: [],
  declined: [],
  cancelled: [],
  expired: [],
};

export function canTransition(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return transitions[from].includes(to);
}

/** States from which the given target can be reached: the WHERE clause of a conditional update. */
export function statesLeadingTo(to: ConsultationStatus): ConsultationStatus[] {
  return (Object.keys(transitions) as ConsultationStatus[]).filter((from) => canTransition(from, to));
}

export const CLOSED_STATES: readonly ConsultationStatus[] = ["declined", "cancelled", "expired"];

export interface TimedSlot {
  start: string;
  end: string;
}

/**
 * The status as of `now`: time turns confirmed into held (the confirmed slot has ended) and
 * requested into expired (every proposed slot has started). The sweep persists the same rule.
 */
export function effectiveStatus(
  stored: ConsultationStatus,
  confirmedSlot: TimedSlot | null,
  currentSlots: readonly TimedSlot[],
  now: Date,
): ConsultationStatus {
  const t = now.getTime();
  if (stored === "confirmed" && confirmedSlot && Date.parse(confirmedSlot.end) <= t) return "held";
  if (stored === "requested" && currentSlots.every((s) => Date.parse(s.start) <= t)) return "expired";
  return stored;
}
