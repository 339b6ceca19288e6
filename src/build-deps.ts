import type { Kysely } from "kysely";
import type { AppConfig } from "./config.js";
import type { AtomicWrite } from "./db/atomic.js";
import type { DB } from "./db/schema.js";
import type { Deps } from "./deps.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { consoleLogger, type Logger } from "./lib/log.js";
import { IcsScheduler, noMailer } from "./meetings/ics-scheduler.js";
import type { Mailer, Scheduler } from "./meetings/scheduler.js";

/** The one place where the service's dependencies are chosen, for Node and Workers alike. */
export function buildDeps(input: {
  db: Kysely<DB>;
  atomic: AtomicWrite;
  config: AppConfig;
  clock?: Clock;
  log?: Logger;
  scheduler?: Scheduler;
  mailer?: Mailer;
}): Deps {
  return {
    db: input.db,
    atomic: input.atomic,
    config: input.config,
    clock: input.clock ?? systemClock,
    log: input.log ?? consoleLogger(input.config.logLevel),
    scheduler: input.scheduler ?? new IcsScheduler(),
    mailer: input.mailer ?? noMailer,
  };
}
