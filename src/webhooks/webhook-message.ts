import type { Selectable } from "kysely";
import { Webhook } from "standardwebhooks";
import type { ConsultationEventsTable } from "../db/schema.js";

/** A consultation event as the delivery reads it (consultation_events, without its changeId). */
export type EventForDelivery = Omit<Selectable<ConsultationEventsTable>, "changeId">;

/**
 * The Standard Webhooks body: `{ type, timestamp, data }`. The same event gives the same bytes on
 * every retry. Only what the event row holds goes out: ids, states and codes, never free text
 * or e-mail addresses (the payload's `detail` is ids and codes by the seam's rule).
 */
export function webhookBody(e: EventForDelivery): string {
  const payload = JSON.parse(e.payload) as Record<string, unknown>;
  return JSON.stringify({
    type: e.type,
    timestamp: e.at,
    data: {
      consultationId: e.consultationId,
      eventId: e.id,
      previousStatus: e.fromStatus,
      status: e.toStatus,
      actorType: e.actorType,
      at: e.at,
      ...payload,
    },
  });
}

/**
 * The three Standard Webhooks headers, signed by the standardwebhooks package. `messageId` is the
 * delivery's id, the same on every retry, so a receiver can drop a repeat.
 */
export function signedHeaders(secret: string, messageId: string, sentAt: Date, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Samrad-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, sentAt, body),
  };
}

/** A new signing secret: 32 random bytes, in the `whsec_` + base64 form receivers' libraries take. */
export function newSigningSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return `whsec_${btoa(bin)}`;
}

/** The sealed secret is bound to its endpoint: a value copied to another row does not open. */
export const sealPurpose = (endpointId: string) => `webhook-secret:${endpointId}`;
