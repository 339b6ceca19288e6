import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { MAIL_KINDS } from "./mail-kinds.js";
import { consultationMessages, retryMessage as retryFailed } from "./messages.service.js";

const MessageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(MAIL_KINDS),
    recipientRole: z.enum(["expert", "member"]),
    round: z.number().int().openapi({ description: "The round of proposed times the message belongs to" }),
    dueAt: z.string().openapi({ description: "When it is (or was) due, UTC" }),
    sentAt: z.string().nullable(),
    status: z.enum(["pending", "sent", "skipped", "failed"]).openapi({
      description: "pending: due later, or being retried; skipped: no longer wanted when due (answered, moved, evaluated); failed: gave up after 10 attempts or a refusal that cannot change",
    }),
    attempts: z.number().int().openapi({ description: "Tries so far; more than one means the mail server or Graph refused or did not answer before" }),
    nextAttemptAt: z.string().nullable().openapi({ description: "While pending: when it is tried next, UTC" }),
    reason: z
      .string()
      .nullable()
      .openapi({
        description:
          "Why it is not (yet) sent: the last refusal as a code (`SMTP 451`, `Graph 503 ServiceUnavailable`, `Graph no answer`), `waiting for the meeting`, or, when skipped, `no longer wanted`, `recipient gone`, `no sealed link`. Never the server's text",
        example: "SMTP 451",
      }),
  })
  .openapi("SentMessage");

const getMessages = createRoute({
  method: "get",
  path: "/api/consultations/{id}/messages",
  tags: ["Mail"],
  summary: "What was sent, or is due, for a consultation: kind, recipient role, times and status, never the text (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(MessageSchema) }), "Messages"), ...errorResponses(400, 401, 403, 404) },
});

const retryMessage = createRoute({
  method: "post",
  path: "/api/consultations/{id}/messages/{messageId}/retry",
  tags: ["Mail"],
  summary: "Send a failed message again, with a fresh attempt budget, if it is still wanted then (coordinator)",
  security: bearerSecurity,
  request: {
    params: IdParamSchema.extend({ messageId: z.string().min(1).max(64).openapi({ param: { name: "messageId", in: "path" } }) }),
  },
  responses: {
    200: jsonResponse(MessageSchema, "Queued again: pending, due now"),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const mailRoutes = () =>
  newRouter()
    .openapi(getMessages, async (c) => {
      coordinatorOnly(c);
      return c.json({ items: unwrap(await consultationMessages(c.var.deps, c.req.valid("param").id)) }, 200);
    })
    .openapi(retryMessage, async (c) => {
      coordinatorOnly(c);
      const { id, messageId } = c.req.valid("param");
      return c.json(unwrap(await retryFailed(c.var.deps, id, messageId)), 200);
    });
