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
import { noFreeBusy, type FreeBusyLookup } from "./scheduling/free-busy.port.js";

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
    effects: {
      settle: (consultationId) => deliverNowFor(deps, consultationId),
      inBatch: (plan) =>
        deps.scheduler.provider === "ics" && CALENDAR_ACTIONS.has(plan.request.action)
          ? icsMeetingInBatch(deps.db, plan.changeId, plan.request.at.toISOString())
          : [],
    },
  };
  return deps;
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
