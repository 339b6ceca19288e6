import type { Deps } from "../deps.js";
import { claimDelivery, deliveredQueries, notDeliveredQueries, type ClaimedDelivery } from "./webhook-deliveries.repo.js";
import { sealPurpose, signedHeaders, webhookBody } from "./webhook-message.js";
import { checkWebhookUrl } from "./webhook-url.js";
import { WebhookSendError } from "./webhook-transport.js";

export type WebhookRunnerDeps = Pick<Deps, "db" | "atomic" | "clock" | "config" | "log" | "sealer" | "webhookTransport">;

/** Retries go on for at least this long from the first attempt, then the delivery fails. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 3_600_000;

/**
 * Exponential backoff with jitter: 10 s, 20 s, 40 s … capped at an hour, each drawn from the
 * upper half of its step so that receivers coming back are not hit by every sender at once.
 */
export function retryDelayMs(attempts: number, random: () => number): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return step / 2 + random() * (step / 2);
}

/** The lease outlasts the request's timeout, so a slow receiver is never sent the same delivery twice at once. */
export const leaseMs = (config: WebhookRunnerDeps["config"]) => 3 * config.webhookTimeoutMs;

type Outcome = "done" | "retry" | "failed";

async function attempt(deps: WebhookRunnerDeps, d: ClaimedDelivery): Promise<{ status: number | null; error: string | null }> {
  // The rule is checked again at sending: the setting may have changed since the endpoint was registered.
  if (!checkWebhookUrl(d.url, { allowLoopback: deps.config.webhookAllowLoopback }).ok) return { status: null, error: "refused_target" };
  const secret = await deps.sealer.open(d.secretSealed, sealPurpose(d.endpointId));
  const body = webhookBody(d.event);
  try {
    const { status } = await deps.webhookTransport.post({
      url: d.url,
      headers: signedHeaders(secret, d.id, deps.clock.now(), body),
      body,
      timeoutMs: deps.config.webhookTimeoutMs,
    });
    return { status, error: status >= 200 && status < 300 ? null : `http_${status}` };
  } catch (err) {
    if (err instanceof WebhookSendError) return { status: null, error: err.code };
    throw err;
  }
}

/** Sends one claimed delivery and records the outcome in one atomic write. Never throws. */
async function settle(deps: WebhookRunnerDeps, d: ClaimedDelivery): Promise<Outcome> {
  let result: { status: number | null; error: string | null };
  try {
    result = await attempt(deps, d);
  } catch (err) {
    // A secret that does not open (a lost or changed server key) is retried: restoring the key mends it.
    result = { status: null, error: err instanceof Error && err.name === "SealError" ? "secret_unavailable" : "internal" };
  }
  const now = deps.clock.now();
  try {
    if (result.error === null) {
      await deps.atomic(deliveredQueries(deps.db, d, result.status!, now.toISOString()));
      return "done";
    }
    const givingUp = now.getTime() - Date.parse(d.firstAttemptAt) >= RETRY_WINDOW_MS;
    const nextAttemptAt = givingUp ? null : new Date(now.getTime() + retryDelayMs(d.attempts, Math.random)).toISOString();
    await deps.atomic(notDeliveredQueries(deps.db, d, { status: result.status, error: result.error, now: now.toISOString(), nextAttemptAt }));
    // Ids and codes only: never the URL (it may carry a token of the receiver's) or the body.
    const fields = { delivery: d.id, endpoint: d.endpointId, attempts: d.attempts, error: result.error };
    if (givingUp) deps.log.warn("webhook delivery failed for good", fields);
    else deps.log.info("webhook delivery will be retried", { ...fields, at: nextAttemptAt });
    return givingUp ? "failed" : "retry";
  } catch (err) {
    // Recording failed (database busy): the lease lapses and the delivery is tried again.
    deps.log.error("webhook outcome not recorded", { delivery: d.id, error: err instanceof Error ? err.name : "unknown" });
    return "retry";
  }
}

/**
 * Sends due deliveries until none is left or `max` were handled. Safe to run from several places
 * at once (the background tick, a prompt run after a transition, another process): each delivery
 * is claimed by one conditional write.
 */
export async function runWebhooks(
  deps: WebhookRunnerDeps,
  opts: { max?: number; consultationId?: string; concurrency?: number } = {},
): Promise<Record<Outcome, number>> {
  const counts = { done: 0, retry: 0, failed: 0 };
  const max = opts.max ?? 100;
  const only = opts.consultationId ? { consultationId: opts.consultationId } : undefined;
  const worker = async () => {
    while (counts.done + counts.retry + counts.failed < max) {
      const d = await claimDelivery(deps.db, deps.clock.now().toISOString(), leaseMs(deps.config), only);
      if (!d) return;
      counts[await settle(deps, d)]++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return counts;
}
