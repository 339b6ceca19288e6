import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { AppError, errorResponses } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { commandsByStatus, retryCommand } from "./outbox.service.js";

const tags = ["Admin"];

const OutboxEntrySchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    consultationId: z.string().nullable(),
    status: z.enum(["pending", "done", "failed"]),
    attempts: z.number(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("OutboxEntry");

const list = createRoute({
  method: "get",
  path: "/api/admin/outbox",
  tags,
  summary: "Calendar and mail commands by status (coordinator)",
  security: bearerSecurity,
  request: {
    query: z.object({
      status: z.enum(["pending", "done", "failed"]).default("failed").openapi({ param: { name: "status", in: "query" } }),
      ...pageQuery("outbox", 2),
    }),
  },
  responses: { 200: { ...jsonResponse(pageSchema(OutboxEntrySchema), "Commands"), headers: nextLinkHeader }, ...errorResponses(403) },
});

const retry = createRoute({
  method: "post",
  path: "/api/admin/outbox/{id}/retry",
  tags,
  summary: "Send a failed command again (coordinator)",
  security: bearerSecurity,
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) }) },
  responses: { 200: jsonResponse(z.object({ id: z.string(), status: z.literal("pending") }), "Queued again"), ...errorResponses(401, 403, 404) },
});

export const outboxRoutes = () =>
  newRouter()
    .openapi(list, async (c) => {
      coordinatorOnly(c);
      const { status, ...paging } = c.req.valid("query");
      const page = await commandsByStatus(c.var.deps, status, pageRequest(paging));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(retry, async (c) => {
      coordinatorOnly(c);
      const { id } = c.req.valid("param");
      if (!(await retryCommand(c.var.deps, id))) {
        throw new AppError("NOT_FOUND", `No failed command with id ${id}`);
      }
      return c.json({ id, status: "pending" as const }, 200);
    });
