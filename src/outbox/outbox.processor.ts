import type { Deps } from "../deps.js";
import { Semaphore } from "../lib/semaphore.js";
import { CONSUMERS, isConsumer } from "../events/consumers.js";
import type { OutgoingMail } from "../meetings/scheduler.js";
import { claimDue, markDone, markFailed, markRetry, type OutboxItem } from "./outbox.repo.js";

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 15 * 60_000;
/**
 * Outlook allows 4 concurrent requests per mailbox; every call goes to the one organiser mailbox,
 * the calendar's here and Graph sendMail's (src/mail/mail-delivery.ts) alike.
 */
export const mailboxSlots = new Semaphore(4);

type OutboxDeps = Pick<Deps, "db" | "scheduler" | "mailer" | "clock" | "config" | "log">;

interface RetryHints {
  retryable?: boolean;
  retryAfterSeconds?: number;
}

/** Exponential backoff with full jitter, never sooner than the server's Retry-After. */
export function nextDelayMs(attempts: number, retryAfterSeconds: number | undefined, random: () => number): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

async function deliver(deps: OutboxDeps, item: OutboxItem): Promise<void> {
  if (isConsumer(item.kind)) {
    await CONSUMERS[item.kind](deps, { id: item.id, consumer: item.kind, consultationId: item.consultationId, eventId: item.eventId, attempts: item.attempts });
    return;
  }
  // A command written before mail became a consumer of events: its message is in the payload.
  if (item.kind === "mail.send") {
    await deps.mailer.send(JSON.parse(item.payload) as OutgoingMail);
    return;
  }
  throw Object.assign(new Error(`Unknown outbox command ${String(item.kind)}`), { retryable: false });
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** Delivers one claimed command and records the outcome. Never throws. */
async function settle(deps: OutboxDeps, item: OutboxItem): Promise<"done" | "retry" | "failed"> {
  try {
    await mailboxSlots.run(() => deliver(deps, item));
    await markDone(deps.db, item.id, deps.clock.now().toISOString());
    return "done";
  } catch (err) {
    const hints = (err ?? {}) as RetryHints;
    const now = deps.clock.now();
    const message = describe(err);
    if (hints.retryable === false || item.attempts >= MAX_ATTEMPTS) {
      deps.log.warn("outbox command failed", { id: item.id, kind: item.kind, attempts: item.attempts, error: message });
      await markFailed(deps.db, item.id, now.toISOString(), message);
      return "failed";
    }
    const delay = nextDelayMs(item.attempts, hints.retryAfterSeconds, Math.random);
    deps.log.info("outbox command will be retried", { id: item.id, kind: item.kind, attempts: item.attempts, delayMs: Math.round(delay) });
    await markRetry(deps.db, item.id, now.toISOString(), new Date(now.getTime() + delay).toISOString(), message);
    return "retry";
  }
}

/** Delivers due commands until none is left or `max` were handled. Safe to run from several places. */
export async function runOutbox(deps: OutboxDeps, max = 100): Promise<{ done: number; retry: number; failed: number }> {
  const counts = { done: 0, retry: 0, failed: 0 };
  const worker = async () => {
    while (counts.done + counts.retry + counts.failed < max) {
      const item = await claimDue(deps.db, deps.clock.now().toISOString());
      if (!item) return;
      counts[await settle(deps, item)]++;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return counts;
}

/** Tries a consultation's pending commands right away, so a confirmation answers with its meeting. */
export async function deliverNowFor(deps: OutboxDeps, consultationId: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const item = await claimDue(deps.db, deps.clock.now().toISOString(), { consultationId });
    if (!item) return;
    if ((await settle(deps, item)) !== "done") return;
  }
}
