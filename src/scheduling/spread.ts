import { DateTime } from "luxon";
import type { SuggestedSlot } from "./suggest-times.js";

/**
 * Picks `limit` of the candidate times spread over days and hours (in `zone`): round-robin over
 * the days, at most one time per hour of a day, before any two times share an hour. Ten times
 * 15 minutes apart on one morning leave a group nothing to choose between. Sorted by start.
 */
export function spreadSuggestions(candidates: readonly SuggestedSlot[], limit: number, zone: string): SuggestedSlot[] {
  const byDay = new Map<string, SuggestedSlot[]>();
  for (const slot of candidates) {
    const day = DateTime.fromISO(slot.start, { zone }).toISODate() ?? "";
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const chosen = new Set<SuggestedSlot>();
  const hoursTaken = new Map<string, Set<number>>();
  let progress = true;
  while (chosen.size < limit && progress) {
    progress = false;
    for (const [day, slots] of byDay) {
      if (chosen.size >= limit) break;
      const taken = hoursTaken.get(day) ?? new Set<number>();
      const next = slots.find((s) => !chosen.has(s) && !taken.has(DateTime.fromISO(s.start, { zone }).hour));
      if (!next) continue;
      chosen.add(next);
      taken.add(DateTime.fromISO(next.start, { zone }).hour);
      hoursTaken.set(day, taken);
      progress = true;
    }
  }
  // Fewer distinct hours than wanted: fill with the earliest remaining times.
  for (const slot of candidates) {
    if (chosen.size >= limit) break;
    chosen.add(slot);
  }
  return [...chosen].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
