import type { Deps } from "../deps.js";
import { pruneCounters } from "../rate-limit/rate-limit.repo.js";
import { pruneOldSessions } from "../sessions/sessions.service.js";
import { pruneSignInState } from "./sign-in.repo.js";

/** Background clean-up: ended sessions, old flows and links, and counters of past windows. */
export async function pruneSignIn(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await pruneOldSessions(deps);
  await pruneSignInState(deps.db, now.toISOString(), dayAgo.toISOString());
  await pruneCounters(deps.db, dayAgo.getTime());
}
