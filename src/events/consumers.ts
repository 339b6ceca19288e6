import type { Deps } from "../deps.js";
import { planMailForEvent } from "../mail/mail-consumer.js";
import { syncMeeting } from "../meetings/sync-meeting.js";
import type { ConsumerName } from "./subscriptions.js";

export type ConsumerDeps = Pick<Deps, "db" | "scheduler" | "mailer" | "clock" | "config" | "log">;

/** One delivery record as its consumer gets it: the event it is for, and the consultation. */
export interface Delivery {
  id: string;
  consumer: string;
  consultationId: string | null;
  eventId: number | null;
  attempts: number;
}

/**
 * What each consumer does with one event. A consumer may be called again for the same delivery
 * (a crash after the effect, before it was marked done), so each must be idempotent where the
 * outside world can't promise it: the calendar reconciles the meeting with the consultation as it
 * is now (Graph's transactionId guards the create); mail records each message under a unique key.
 */
export const CONSUMERS: Record<ConsumerName, (deps: ConsumerDeps, delivery: Delivery) => Promise<void>> = {
  "meeting.sync": async (deps, d) => {
    if (d.consultationId) await syncMeeting(deps, d.consultationId);
  },
  // Records the event's messages under their unique keys (idempotent); sendDueMail sends them.
  mail: async (deps, d) => {
    await planMailForEvent(deps, d.eventId);
  },
};

export const isConsumer = (kind: string): kind is ConsumerName => Object.hasOwn(CONSUMERS, kind);
