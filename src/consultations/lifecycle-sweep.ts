import type { Deps } from "../deps.js";
import { applyTransitions, planTransition } from "./transition-writes.js";

/**
 * Persists what time has done: confirmed consultations whose session has ended are held;
 * requested ones whose every proposed time has started expire (and lose any meeting left from
 * before a reschedule, through the calendar consumer of the expired event). One atomic batch of
 * the system's two transitions; safe to run concurrently and repeatedly.
 */
export async function advanceLifecycle(deps: Pick<Deps, "db" | "atomic" | "clock" | "effects">): Promise<{ held: number; expired: number }> {
  const at = deps.clock.now();
  const system = { kind: "system", id: null } as const;
  const hold = planTransition(deps.db, { action: "hold", actor: system, at }, deps.effects.capabilities);
  const expire = planTransition(deps.db, { action: "expire", actor: system, at }, deps.effects.capabilities);
  const { changed } = await applyTransitions(deps, [hold, expire]);
  return { held: changed(hold), expired: changed(expire) };
}
