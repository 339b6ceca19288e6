import type { Deps } from "../deps.js";
import { findExpert } from "../directory/directory.repo.js";
import { currentMemberIds, membersWithTheirGroups } from "../groups/groups.repo.js";
import type { Principal } from "../lib/auth.js";
import { fail, ok, upstreamUnavailable, type Result } from "../lib/errors.js";
import { samradBusy } from "../consultations/slots.repo.js";
import { spreadSuggestions } from "./spread.js";
import { suggestTimes, type NordicCountry, type SuggestedSlot } from "./suggest-times.js";

export interface SuggestionsQuery {
  /** Absent: every member of the caller's group. */
  memberIds?: string[];
  expertId: string;
  durationMinutes: number;
  from?: string;
  to?: string;
}

export interface Suggestions {
  durationMinutes: number;
  from: string;
  to: string;
  /** Whether the members' calendars were consulted (only with a Microsoft 365 tenant). */
  freeBusyChecked: boolean;
  /** Members whose calendars could not be read: their times are not known to be free. */
  unknownCalendars: string[];
  slots: SuggestedSlot[];
}

const DAY_MS = 86_400_000;
const LIMIT = 10;
/** Enough candidates to spread over a fortnight of office hours on a 15-minute grid. */
const CANDIDATES = 1000;
export const MAX_RANGE_DAYS = 31;
/** How far from now a suggestion range may lie: free/busy and holidays further out mean nothing. */
export const MAX_YEARS_AWAY = 2;

/**
 * Up to 10 times when the chosen members are free, within office hours in both the group's and
 * the expert's zone, on a working day in both countries. The members' calendars are read with
 * one request for all of them.
 */
export async function suggestionsFor(deps: Deps, by: Principal, q: SuggestionsQuery): Promise<Result<Suggestions>> {
  const now = deps.clock.now();
  const from = q.from ? new Date(q.from) : now;
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 14 * DAY_MS);
  if (Math.abs(from.getTime() - now.getTime()) > MAX_YEARS_AWAY * 365 * DAY_MS) {
    const message = `must be within ${MAX_YEARS_AWAY} years of now`;
    return fail("VALIDATION_FAILED", `from: ${message}`, [{ path: "from", message }]);
  }
  if (to.getTime() <= from.getTime()) return fail("VALIDATION_FAILED", "to: must be after from", [{ path: "to", message: "must be after from" }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return fail("VALIDATION_FAILED", `to: at most ${MAX_RANGE_DAYS} days after from`, [{ path: "to", message: `at most ${MAX_RANGE_DAYS} days after from` }]);
  }
  const expert = await findExpert(deps.db, q.expertId);
  if (!expert) return fail("NOT_FOUND", `No expert with id ${q.expertId}`);

  let ids = [...new Set(q.memberIds ?? [])];
  if (ids.length === 0) {
    if (by.role !== "member") return fail("VALIDATION_FAILED", "memberIds: name the members (the coordinator has no group of their own)", [{ path: "memberIds", message: "required for the coordinator" }]);
    ids = await currentMemberIds(deps.db, by.groupId);
  }
  const members = await membersWithTheirGroups(deps.db, ids);
  const visible = members.filter((m) => by.role === "coordinator" || m.groupId === by.groupId);
  const missing = ids.filter((id) => !visible.some((m) => m.id === id));
  if (missing.length > 0) return fail("NOT_FOUND", `No member with id ${missing[0]} in your group`);
  const groups = new Set(visible.map((m) => m.groupId));
  if (groups.size !== 1) return fail("VALIDATION_FAILED", "memberIds: all members must belong to one development group", [{ path: "memberIds", message: "must belong to one group" }]);
  const group = visible[0]!;

  const emails = visible.map((m) => m.email);
  let busyByEmail = new Map<string, { start: string; end: string }[]>();
  if (deps.freeBusy.available) {
    try {
      busyByEmail = await deps.freeBusy.busy(emails, from.toISOString(), to.toISOString());
    } catch (error) {
      // Suggesting times without the calendars would offer times people are busy: say so instead.
      const retryAfter = retryAfterOf(error);
      deps.log.warn("free/busy unavailable", { code: (error as { code?: unknown }).code ?? "unknown", retryAfter });
      return upstreamUnavailable("Microsoft 365 free/busy", retryAfter);
    }
  }
  // Never offer a time on which the group or the expert already has a Samråd consultation.
  const taken = await samradBusy(deps.db, { groupId: group.groupId, expertId: expert.id, from: from.toISOString(), to: to.toISOString() });
  const candidates = suggestTimes({
    from: from.toISOString(),
    to: to.toISOString(),
    durationMinutes: q.durationMinutes,
    groupZone: group.timeZone,
    groupCountry: group.country as NordicCountry,
    expertZone: expert.timeZone,
    expertCountry: expert.organisation.country,
    busy: [...[...busyByEmail.values()].flat(), ...taken],
    now: now.toISOString(),
    limit: CANDIDATES,
  });
  const slots = spreadSuggestions(candidates, LIMIT, group.timeZone);
  return ok({
    durationMinutes: q.durationMinutes,
    from: from.toISOString(),
    to: to.toISOString(),
    freeBusyChecked: deps.freeBusy.available,
    unknownCalendars: deps.freeBusy.available ? visible.filter((m) => !busyByEmail.has(m.email)).map((m) => m.id) : [],
    slots,
  });
}

/** Graph's own Retry-After when it gave one, else half a minute. */
function retryAfterOf(error: unknown): number {
  const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? Math.min(seconds, 3600) : 30;
}
