import type { Deps } from "./deps.js";
import { advanceLifecycle } from "./consultations/lifecycle-sweep.js";
import { runOutbox } from "./outbox/outbox.processor.js";
import { pruneSignIn } from "./sign-in/prune.js";

/** One round of background work: time moves consultations on, then pending commands go out. */
export async function backgroundTick(deps: Deps): Promise<void> {
  try {
    await advanceLifecycle(deps);
    await runOutbox(deps);
    await pruneSignIn(deps);
  } catch (err) {
    deps.log.error("background tick failed", { error: err instanceof Error ? err.message : String(err) });
  }
}

/** Runs ticks every `intervalMs` without overlap; stop() waits for a running tick to finish. */
export function startBackground(deps: Deps, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = backgroundTick(deps).finally(() => {
      running = null;
    });
  }, intervalMs);
  // A Node timer must not keep the process alive; this file is also in the Worker's graph, where timers are numbers.
  (timer as { unref?: () => void }).unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
