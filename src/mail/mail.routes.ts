import { createRoute, z } from "@hono/zod-openapi";
import { findConsultation } from "../consultations/consultations.repo.js";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { AppError, errorResponses } from "../lib/errors.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { listMessages } from "./mail.repo.js";
import { MAIL_KINDS } from "./mail-kinds.js";

const MessageSchema = z
  .object({
    kind: z.enum(MAIL_KINDS),
    recipientRole: z.enum(["expert", "member"]),
    round: z.number().int().openapi({ description: "The round of proposed times the message belongs to" }),
    dueAt: z.string().openapi({ description: "When it is (or was) due, UTC" }),
    sentAt: z.string().nullable(),
    status: z.enum(["pending", "sent", "skipped", "failed"]).openapi({ description: "skipped: no longer wanted when due (answered, moved, evaluated)" }),
    attempts: z.number().int(),
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

export const mailRoutes = () =>
  newRouter().openapi(getMessages, async (c) => {
    coordinatorOnly(c);
    const { id } = c.req.valid("param");
    const { deps } = c.var;
    if (!(await findConsultation(deps.db, id, null, deps.clock.now()))) throw new AppError("NOT_FOUND", `No consultation with id ${id}`);
    const items = await listMessages(deps.db, id);
    return c.json({ items: items.map((m) => ({ ...m, kind: m.kind as (typeof MAIL_KINDS)[number] })) }, 200);
  });
