import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../consultations/transitions.js";

/** "*" subscribes to every event type, including ones added later. */
export const SUBSCRIBABLE = [...EVENT_TYPES, "*"] as const;

export const WebhookIdSchema = z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "4f0c0f8e-1c55-4a55-9a43-3c8f7a3f9f10" });

export const CreateWebhookSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(2000).openapi({
      description: "https to a public host; http://127.0.0.1[:port] only while WEBHOOK_ALLOW_LOOPBACK=true",
      example: "https://integrations.example.org/samrad",
    }),
    events: z
      .array(z.enum(SUBSCRIBABLE, { message: `must be one of ${SUBSCRIBABLE.join(", ")}` }))
      .min(1)
      .max(SUBSCRIBABLE.length)
      .refine((list) => new Set(list).size === list.length, "must not repeat an event type")
      .openapi({ example: ["consultation.confirmed", "consultation.cancelled"] }),
  })
  .openapi("CreateWebhook");
export type CreateWebhook = z.infer<typeof CreateWebhookSchema>;

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    state: z.enum(["active", "failing"]).openapi({ description: "failing: a delivery was given up after 24 hours of retries; the next success makes it active again" }),
    lastSuccessAt: z.string().nullable(),
    lastFailureAt: z.string().nullable(),
    pendingDeliveries: z.number().int(),
    failedDeliveries: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("WebhookEndpoint");
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

const SecretSchema = z.string().openapi({
  description: "The signing secret for standardwebhooks' `new Webhook(secret)`; shown only in this answer",
  example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
});

export const CreatedWebhookSchema = WebhookEndpointSchema.extend({ secret: SecretSchema }).openapi("CreatedWebhook");
export const RotatedSecretSchema = z.object({ id: z.string(), secret: SecretSchema }).openapi("RotatedWebhookSecret");
export const DeletedWebhookSchema = z.object({ id: z.string(), state: z.literal("deleted") }).openapi("DeletedWebhook");

/** What every delivery carries in `data`: the event, ids and codes only. */
export const WebhookEventDataSchema = z
  .object({
    consultationId: z.string(),
    eventId: z.number().int().openapi({ description: "Increases with every event; per consultation, deliveries arrive in this order" }),
    previousStatus: z.string().nullable(),
    status: z.string(),
    actorType: z.enum(["member", "coordinator", "expert", "system"]),
    at: z.string(),
    v: z.number().int().openapi({ description: "Payload version (1)" }),
    round: z.number().int().openapi({ description: "Which round of proposed times the consultation is in" }),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi({ description: "Ids and codes of the action (e.g. slotId, side, source); never free text" }),
  })
  .openapi("WebhookEventData");

export const webhookEventSchema = (type: string) =>
  z.object({
    type: z.literal(type),
    timestamp: z.string().openapi({ description: "When the event happened (UTC)" }),
    data: WebhookEventDataSchema,
  });
