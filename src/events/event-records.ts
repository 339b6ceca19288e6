import { sql, type CompiledQuery, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB } from "../db/schema.js";
import { ALL_CAPABILITIES, subscriptionsTo, type Capabilities } from "./subscriptions.js";

/** Bumped when the event payload changes shape; consumers and webhook receivers read `v`. */
export const EVENT_PAYLOAD_VERSION = 1;

export interface EventInput {
  consultationId?: string;
  changeId: string;
  type: string;
  actorType: string;
  at: string;
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * For an atomic batch, after the conditional write that set `changeId`: one event per changed
 * consultation, then the delivery record of each consumer subscribed to its type, then one
 * webhook delivery per registered endpoint that wants it. All select on the changeId, so nothing
 * is written when the write before them changed nothing. `can`: what the deployment can do, so
 * that no consumer gets a record it could not act on (no mail records without a mailer).
 */
export function eventRecordQueries(db: Kysely<DB>, e: EventInput, can: Capabilities = ALL_CAPABILITIES): CompiledQuery[] {
  const detail = JSON.stringify(e.detail ?? {});
  const insertEvent = db
    .insertInto("consultation_events")
    .columns(["consultationId", "type", "fromStatus", "toStatus", "actorType", "at", "payload", "changeId"])
    .expression(
      changedConsultations(db, e).select([
        "consultations.id",
        sql<string>`${e.type}`.as("type"),
        "consultations.previousStatus",
        "consultations.status",
        sql<string>`${e.actorType}`.as("actorType"),
        sql<string>`${e.at}`.as("at"),
        sql<string>`json_object('v', ${EVENT_PAYLOAD_VERSION}, 'round', consultations.slotRound, 'detail', json(${detail}))`.as("payload"),
        sql<string>`${e.changeId}`.as("changeId"),
      ]),
    )
    .compile();
  const subscriptions = JSON.stringify(subscriptionsTo(e.type, can).map((s) => ({ consumer: s.consumer, needsMeeting: s.needsMeeting ? 1 : 0 })));
  const queries = [insertEvent];
  if (subscriptions !== "[]") {
    queries.push(
      db
        .insertInto("outbox")
        .columns(["id", "kind", "consultationId", "payload", "eventId", "nextAttemptAt", "createdAt", "updatedAt"])
        .expression(
          db
            .selectFrom("consultation_events as ev")
            .innerJoin("consultations as c", "c.id", "ev.consultationId")
            .innerJoin(sql<{ value: string }>`json_each(${subscriptions})`.as("sub"), (join) => join.onTrue())
            .select([
              sql<string>`lower(hex(randomblob(16)))`.as("id"),
              sql<string>`json_extract(sub.value, '$.consumer')`.as("kind"),
              "ev.consultationId",
              sql<string>`'{}'`.as("payload"),
              "ev.id as eventId",
              sql<string>`${e.at}`.as("nextAttemptAt"),
              sql<string>`${e.at}`.as("createdAt"),
              sql<string>`${e.at}`.as("updatedAt"),
            ])
            .where("ev.changeId", "=", e.changeId)
            .where(sql<boolean>`(json_extract(sub.value, '$.needsMeeting') = 0 or c.confirmedSlotId is not null)`),
        )
        .compile(),
    );
  }
  queries.push(
    db
      .insertInto("webhook_deliveries")
      .columns(["id", "endpointId", "eventId", "consultationId", "nextAttemptAt", "createdAt", "updatedAt"])
      .expression(
        db
          .selectFrom("consultation_events as ev")
          .innerJoin("webhook_endpoints as w", (join) => join.on("w.state", "!=", "deleted"))
          .select([
            // The Standard Webhooks `webhook-id`: the same on every retry of this delivery.
            sql<string>`'msg_' || lower(hex(randomblob(16)))`.as("id"),
            "w.id as endpointId",
            "ev.id as eventId",
            "ev.consultationId",
            sql<string>`${e.at}`.as("nextAttemptAt"),
            sql<string>`${e.at}`.as("createdAt"),
            sql<string>`${e.at}`.as("updatedAt"),
          ])
          .where("ev.changeId", "=", e.changeId)
          .where(sql<boolean>`exists (select 1 from json_each(w.events) j where j.value = ev.type or j.value = '*')`),
      )
      .compile(),
  );
  return queries;
}
