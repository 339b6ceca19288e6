import { sql, type CompiledQuery, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { EventForDelivery } from "./webhook-message.js";

/** A claimed delivery with everything needed to send it: the endpoint and the event. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  consultationId: string;
  attempts: number;
  firstAttemptAt: string;
  url: string;
  secretSealed: string;
  event: EventForDelivery;
}

/**
 * Claims one due delivery with a single conditional UPDATE: a lease (lockedUntil) so no other
 * runner takes it meanwhile, and a crashed runner's claim lapses. In order per consultation: a
 * delivery waits while an earlier event (lower eventId) of the same endpoint and consultation is
 * still pending, leased or not.
 */
export async function claimDelivery(
  db: Kysely<DB>,
  now: string,
  leaseMs: number,
  only?: { consultationId: string },
): Promise<ClaimedDelivery | undefined> {
  const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
  let next = db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as w", "w.id", "d.endpointId")
    .select("d.id")
    .where("w.state", "!=", "deleted")
    .where("d.status", "=", "pending")
    .where("d.nextAttemptAt", "<=", now)
    .where((eb) => eb.or([eb("d.lockedUntil", "is", null), eb("d.lockedUntil", "<=", now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("webhook_deliveries as earlier")
            .select("earlier.id")
            .whereRef("earlier.endpointId", "=", "d.endpointId")
            .whereRef("earlier.consultationId", "=", "d.consultationId")
            .whereRef("earlier.eventId", "<", "d.eventId")
            .where("earlier.status", "=", "pending"),
        ),
      ),
    )
    .orderBy("d.nextAttemptAt")
    .orderBy("d.eventId")
    .limit(1);
  if (only) next = next.where("d.consultationId", "=", only.consultationId);
  const claimed = await db
    .updateTable("webhook_deliveries")
    .set({ lockedUntil: leaseUntil, attempts: sql`attempts + 1`, firstAttemptAt: sql`coalesce(firstAttemptAt, ${now})`, updatedAt: now })
    .where("id", "=", (eb) => eb.selectFrom(next.as("next")).select("next.id"))
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<=", now)]))
    .returning(["id", "endpointId", "eventId", "consultationId", "attempts", "firstAttemptAt"])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const row = await db
    .selectFrom("webhook_endpoints as w")
    .innerJoin("consultation_events as ev", (join) => join.on("ev.id", "=", claimed.eventId))
    .select(["w.url", "w.secretSealed", "ev.id", "ev.consultationId", "ev.type", "ev.fromStatus", "ev.toStatus", "ev.actorType", "ev.at", "ev.payload"])
    .where("w.id", "=", claimed.endpointId)
    .executeTakeFirstOrThrow();
  const { url, secretSealed, ...event } = row;
  return {
    id: claimed.id,
    endpointId: claimed.endpointId,
    consultationId: claimed.consultationId,
    attempts: claimed.attempts,
    firstAttemptAt: claimed.firstAttemptAt ?? now,
    url,
    secretSealed,
    event,
  };
}

/** Only the holder of the claim records its outcome: the attempt it claimed must still be the last. */
const heldBy = (db: Kysely<DB>, d: Pick<ClaimedDelivery, "id" | "attempts">) =>
  db.updateTable("webhook_deliveries").where("id", "=", d.id).where("status", "=", "pending").where("attempts", "=", d.attempts);

/** Delivered: the delivery is done and the endpoint, failing or not, is active again. */
export function deliveredQueries(db: Kysely<DB>, d: ClaimedDelivery, status: number, now: string): CompiledQuery[] {
  return [
    heldBy(db, d).set({ status: "done", lockedUntil: null, lastStatus: status, lastError: null, updatedAt: now }).compile(),
    db
      .updateTable("webhook_endpoints")
      .set({ state: sql`case when state = 'deleted' then state else 'active' end`, lastSuccessAt: now, updatedAt: now })
      .where("id", "=", d.endpointId)
      .compile(),
  ];
}

/** Not delivered this time: try again at `nextAttemptAt`, or give up (`failed`) and mark the endpoint failing. */
export function notDeliveredQueries(
  db: Kysely<DB>,
  d: ClaimedDelivery,
  outcome: { status: number | null; error: string; now: string; nextAttemptAt: string | null },
): CompiledQuery[] {
  const { now } = outcome;
  const delivery =
    outcome.nextAttemptAt === null
      ? heldBy(db, d).set({ status: "failed", lockedUntil: null, lastStatus: outcome.status, lastError: outcome.error, updatedAt: now })
      : heldBy(db, d).set({ lockedUntil: null, nextAttemptAt: outcome.nextAttemptAt, lastStatus: outcome.status, lastError: outcome.error, updatedAt: now });
  const endpoint = db
    .updateTable("webhook_endpoints")
    .set(
      outcome.nextAttemptAt === null
        ? { state: sql`case when state = 'deleted' then state else 'failing' end`, lastFailureAt: now, updatedAt: now }
        : { lastFailureAt: now, updatedAt: now },
    )
    .where("id", "=", d.endpointId);
  return [delivery.compile(), endpoint.compile()];
}
