import type { Kysely } from "kysely";
import type { AppConfig } from "./config.js";
import type { AtomicWrite } from "./db/atomic.js";
import type { DB } from "./db/schema.js";
import type { Deps } from "./deps.js";
import type { Action } from "./consultations/transitions.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { consoleLogger, type Logger } from "./lib/log.js";
import { GraphFreeBusy } from "./graph/free-busy.js";
import { createGraphApi } from "./graph/graph-client.js";
import { GraphMailer } from "./graph/graph-mailer.js";
import { GraphScheduler } from "./graph/graph-scheduler.js";
import { IcsScheduler, noMailer } from "./meetings/ics-scheduler.js";
import type { Mailer, Scheduler } from "./meetings/scheduler.js";
import { createSealer, decodeServerKey, noSealer } from "./lib/sealed.js";
import { icsMeetingInBatch } from "./meetings/ics-in-batch.js";
import { deliverNowFor } from "./outbox/outbox.processor.js";
import { sendDueMail } from "./mail/mail-delivery.js";
import { noFreeBusy, type FreeBusyLookup } from "./scheduling/free-busy.port.js";
import { runWebhooks } from "./webhooks/webhook-runner.js";
import { fetchTransport, type WebhookTransport } from "./webhooks/webhook-transport.js";
import type { AfterAnswer } from "./lib/after-answer.js";
import type { StaticFiles } from "./pages/assets/static-files.js";

/**
 * Which way mail goes out, and why (for the start line). An SMTP mailer is handed in by the Node
 * entry only (Workers cannot speak SMTP); when both it and a tenant are configured, SMTP is used,
 * because SMTP_URL is the more specific setting: an operator sets it on purpose for mail.
 */
export function mailChoice(config: AppConfig, mailer: Mailer): string {
  if (mailer.provider === "smtp") return config.graph ? "mail: smtp (SMTP_URL is set, so it is used instead of Graph sendMail)" : "mail: smtp";
  if (mailer.provider === "graph") return "mail: graph (the organiser mailbox's sendMail)";
  return "mail: none (messages are handed to the group to send)";
}

/** The transitions after which the invitation-file calendar has something to write. */
const CALENDAR_ACTIONS: ReadonlySet<Action> = new Set(["confirm", "decline", "cancel", "expire"]);

/** The one place where the service's dependencies are chosen, for Node and Workers alike. */
export function buildDeps(input: {
  db: Kysely<DB>;
  atomic: AtomicWrite;
  config: AppConfig;
  clock?: Clock;
  log?: Logger;
  scheduler?: Scheduler;
  mailer?: Mailer;
  freeBusy?: FreeBusyLookup;
  webhookTransport?: WebhookTransport;
  /** Where the bodies of /assets and /docs come from: each entry hands in its own (the Worker must not bundle Node's). */
  staticFiles: StaticFiles;
  /**
   * Node: after a transition, send its webhooks right away without holding up the answer. Off on
   * Workers (an unawaited promise does not outlive the request there; the cron sends them) and in
   * tests that drive the runner themselves.
   */
  promptWebhooks?: boolean;
  /**
   * Where the work that the answer does not need (mail, webhooks) goes: the Node and Workers
   * entries drain this queue after the answer. Without it (tests, CLI) that work is done before
   * the answer, so what a test reads right after a request has happened.
   */
  afterAnswer?: AfterAnswer;
}): Deps {
  const graph = input.config.graph ? microsoft365(input.config.graph) : null;
  const deps: Deps = {
    db: input.db,
    atomic: input.atomic,
    config: input.config,
    clock: input.clock ?? systemClock,
    log: input.log ?? consoleLogger(input.config.logLevel),
    scheduler: input.scheduler ?? graph?.scheduler ?? new IcsScheduler(),
    mailer: input.mailer ?? graph?.mailer ?? noMailer,
    freeBusy: input.freeBusy ?? graph?.freeBusy ?? noFreeBusy,
    sealer: input.config.secretKey ? createSealer(decodeServerKey(input.config.secretKey)) : noSealer,
    webhookTransport: input.webhookTransport ?? fetchTransport,
    staticFiles: input.staticFiles,
    effects: {
      // Read when a transition is planned: a test may hand the deps another mailer after they are built.
      get capabilities() {
        return { mailer: deps.mailer.canSend };
      },
      settle: async (consultationId) => {
        // The answer waits for the meeting only when it is made outside the batch (Microsoft 365):
        // a confirmation answers with its join link. The invitation file's meeting is in the batch.
        if (deps.scheduler.provider !== "ics") await deliverNowFor(deps, consultationId);
        const rest = () => settleRest(deps, consultationId, input.promptWebhooks === true);
        if (input.afterAnswer) input.afterAnswer.later(rest);
        else await rest();
      },
      answerWaitsOutsideBatch: (action) => deps.scheduler.provider !== "ics" && CALENDAR_ACTIONS.has(action),
      inBatch: (plan) =>
        deps.scheduler.provider === "ics" && CALENDAR_ACTIONS.has(plan.request.action)
          ? icsMeetingInBatch(deps.db, plan.changeId, plan.request.at.toISOString())
          : [],
    },
  };
  return deps;
}

/** The consumers' remaining work (the mail consumer), then the mail they recorded; webhooks follow unawaited. */
async function settleRest(deps: Deps, consultationId: string, promptWebhooks: boolean): Promise<void> {
  await deliverNowFor(deps, consultationId);
  await sendDueMail(deps, { consultationId }).catch((err: unknown) =>
    deps.log.error("mail after a transition failed", { consultationId, error: err instanceof Error ? err.name : "error" }),
  );
  if (promptWebhooks) sendWebhooksSoon(deps, consultationId);
}

/** Not awaited: a receiver's answer (or its 10 s timeout) must never slow a user's request. */
function sendWebhooksSoon(deps: Deps, consultationId: string): void {
  runWebhooks(deps, { consultationId, max: 20, concurrency: 1 }).catch((err: unknown) => {
    deps.log.warn("prompt webhook run failed", { error: err instanceof Error ? err.name : "unknown" });
  });
}

/**
 * A connected tenant: meetings, mail and free/busy through Microsoft Graph. One Graph client
 * (and so one MSAL token cache) for the whole process, or isolate on Workers.
 */
function microsoft365(settings: NonNullable<AppConfig["graph"]>) {
  const graph = createGraphApi(settings);
  const schedules = new GraphFreeBusy(graph);
  const freeBusy: FreeBusyLookup = {
    available: true,
    busy: (emails, from, to) => schedules.getSchedule(emails, from, to, 15),
  };
  return { scheduler: new GraphScheduler(graph), mailer: new GraphMailer(graph), freeBusy };
}
