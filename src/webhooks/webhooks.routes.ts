import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../consultations/transitions.js";
import { actorOf, coordinatorOnly } from "../lib/auth.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import {
  CreatedWebhookSchema,
  CreateWebhookSchema,
  DeletedWebhookSchema,
  RotatedSecretSchema,
  WebhookEndpointSchema,
  WebhookIdSchema,
  webhookEventSchema,
} from "./webhooks.schemas.js";
import { deleteWebhook, listWebhooks, registerWebhook, rotateWebhookSecret } from "./webhooks.service.js";

const tags = ["Webhooks"];

const create = createRoute({
  method: "post",
  path: "/api/webhooks",
  tags,
  summary: "Register a webhook endpoint (coordinator); the signing secret is shown once",
  security: bearerSecurity,
  request: { body: jsonBody(CreateWebhookSchema) },
  responses: {
    201: jsonResponse(CreatedWebhookSchema, "Registered; keep the secret, it is not shown again"),
    ...errorResponses(400, 401, 403, 409, 413, 415),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/webhooks",
  tags,
  summary: "Webhook endpoints with their state and delivery counts, newest first (coordinator); never the secrets",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("webhooks", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(WebhookEndpointSchema), "One page of endpoints"), headers: nextLinkHeader }, ...errorResponses(400, 401, 403) },
});

const remove = createRoute({
  method: "delete",
  path: "/api/webhooks/{id}",
  tags,
  summary: "Delete a webhook endpoint (coordinator); its pending deliveries stop",
  security: bearerSecurity,
  request: { params: z.object({ id: WebhookIdSchema }) },
  responses: { 200: jsonResponse(DeletedWebhookSchema, "Deleted"), ...errorResponses(400, 401, 403, 404) },
});

const rotate = createRoute({
  method: "post",
  path: "/api/webhooks/{id}/rotate-secret",
  tags,
  summary: "Replace the signing secret (coordinator); the new one is shown once and signs every delivery from now on",
  security: bearerSecurity,
  request: { params: z.object({ id: WebhookIdSchema }) },
  responses: { 200: jsonResponse(RotatedSecretSchema, "The new secret"), ...errorResponses(400, 401, 403, 404, 409) },
});

const signatureHeaders = z.object({
  "webhook-id": z.string().openapi({ description: "The delivery's id, the same on every retry: drop a repeat" }),
  "webhook-timestamp": z.string().openapi({ description: "Seconds since the epoch, when this attempt was sent" }),
  "webhook-signature": z.string().openapi({ description: "v1,<base64 HMAC-SHA256> as Standard Webhooks specifies; verify with standardwebhooks" }),
});

export const webhookRoutes = () =>
  newRouter()
    .openapi(create, async (c) => {
      const by = actorOf(coordinatorOnly(c));
      return c.json(unwrap(await registerWebhook(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(list, async (c) => {
      coordinatorOnly(c);
      const page = await listWebhooks(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(remove, async (c) => {
      const by = actorOf(coordinatorOnly(c));
      return c.json(unwrap(await deleteWebhook(c.var.deps, by, c.req.valid("param").id)), 200);
    })
    .openapi(rotate, async (c) => {
      const by = actorOf(coordinatorOnly(c));
      return c.json(unwrap(await rotateWebhookSecret(c.var.deps, by, c.req.valid("param").id)), 200);
    });

/**
 * The `webhooks` section of the OpenAPI document: one entry per event type a receiver can get,
 * keyed by the type. Registered on the app's own registry (a mounted router's would prefix "/").
 */
export function registerWebhookDocs(registry: OpenAPIHono["openAPIRegistry"]): void {
  for (const type of EVENT_TYPES) {
    registry.registerWebhook({
      method: "post",
      path: type,
      tags,
      summary: `Sent to endpoints subscribed to ${type} (or *)`,
      request: { headers: signatureHeaders, body: jsonBody(webhookEventSchema(type)) },
      responses: { 200: { description: "Any 2xx marks the delivery done; anything else, or no answer within the timeout, is retried for at least 24 hours" } },
    });
  }
}
