import type { Deps } from "./deps.js";
import { advanceLifecycle } from "./consultations/lifecycle-sweep.js";
import { runOutbox } from "./outbox/outbox.processor.js";
import { runWebhooks } from "./webhooks/webhook-runner.js";
import { sendDueMail } from "./mail/mail-delivery.js";
import { pruneSignIn } from "./sign-in/prune.js";
import { retentionTick } from "./privacy/retention.js";

/** One round of background work: time moves consultations on, pending commands go out, due mail (reminders included), old sign-in records go, then webhooks. */
export async function backgroundTick(deps: Deps): Promise<void> {
  try {
    await advanceLifecycle(deps);
    await runOutbox(deps);
    await sendDueMail(deps);
    await pruneSignIn(deps);
    await retentionTick(deps);
  } catch (err) {
    deps.log.error("background tick failed", { error: err instanceof Error ? err.message : String(err) });
  }
  // Webhooks go out even when the calendar's round failed: they are a separate consumer.
  try {
    await runWebhooks(deps);
  } catch (err) {
    deps.log.error("webhook round failed", { error: err instanceof Error ? err.message : String(err) });
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
