import type { CompiledQuery, Kysely } from "kysely";
import type { PlannedTransition } from "./consultations/transition-writes.js";
import type { AppConfig } from "./config.js";
import type { AtomicWrite } from "./db/atomic.js";
import type { DB } from "./db/schema.js";
import type { Clock } from "./lib/clock.js";
import type { Logger } from "./lib/log.js";
import type { Sealer } from "./lib/sealed.js";
import type { Mailer, Scheduler } from "./meetings/scheduler.js";
import type { FreeBusyLookup } from "./scheduling/free-busy.port.js";
import type { WebhookTransport } from "./webhooks/webhook-transport.js";
import type { StaticFiles } from "./pages/assets/static-files.js";
import type { Capabilities } from "./events/subscriptions.js";
import type { Action } from "./consultations/transitions.js";

/**
 * What happens right after a transition applied: the event consumers that answer the request
 * (the calendar, so a confirmation answers with its meeting) act now; the rest follow in the
 * background. The seam is the event, not the service.
 */
export interface Effects {
  /**
   * Runs what the answer needs of the consumers with work left for this consultation (called only
   * when there is some), and queues the rest to run after the answer where the entry allows it.
   */
  settle(consultationId: string): Promise<void>;
  /** Which consumers this deployment can serve: no delivery record is written for the others. */
  capabilities: Capabilities;
  /**
   * Whether the answer to this action waits for a consumer outside the transition's batch (the
   * Microsoft 365 calendar making the meeting), so the answer must be read after settle.
   */
  answerWaitsOutsideBatch(action: Action): boolean;
  /** Statements of consumers that act inside the transition's own batch (no outside world). */
  inBatch(plan: PlannedTransition): CompiledQuery[];
}

/** Everything the app needs from the outside world, built in one place per entry point. */
export interface Deps {
  db: Kysely<DB>;
  atomic: AtomicWrite;
  clock: Clock;
  scheduler: Scheduler;
  mailer: Mailer;
  freeBusy: FreeBusyLookup;
  config: AppConfig;
  log: Logger;
  effects: Effects;
  /** Seals and opens secrets kept at rest (lib/sealed.ts); refuses when there is no server key. */
  sealer: Sealer;
  /** Sends signed webhook requests: node:http(s) with a public-address check on Node, fetch on Workers. */
  webhookTransport: WebhookTransport;
  /** The bodies of the pages' assets and of /docs: from memory on Node, from the static assets on Workers. */
  staticFiles: StaticFiles;
}
