import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, unwrap } from "../lib/errors.js";
import { jsonResponse, newRouter } from "../lib/router.js";
import { ConfirmSchema, DeclineSchema, ExpertViewSchema, SecretParamSchema } from "./expert-access.schemas.js";
import { confirmSlot, declineRequest, expertView } from "./expert-access.service.js";

const tags = ["Expert link"];

const view = createRoute({
  method: "get",
  path: "/api/expert/{secret}",
  tags,
  summary: "What the expert sees: who asks, the topic, the brief and the proposed times",
  request: { params: SecretParamSchema },
  responses: { 200: jsonResponse(ExpertViewSchema, "The request"), ...errorResponses(404, 410, 429) },
});

const confirm = createRoute({
  method: "post",
  path: "/api/expert/{secret}/confirm",
  tags,
  summary: "Confirm one proposed time; the meeting is created",
  request: { params: SecretParamSchema, body: { required: true, content: { "application/json": { schema: ConfirmSchema } } } },
  responses: { 200: jsonResponse(ExpertViewSchema, "Confirmed"), ...errorResponses(400, 404, 409, 410, 413, 429) },
});

const decline = createRoute({
  method: "post",
  path: "/api/expert/{secret}/decline",
  tags,
  summary: "Decline, with an optional reason",
  request: { params: SecretParamSchema, body: { required: false, content: { "application/json": { schema: DeclineSchema } } } },
  responses: {
    200: jsonResponse(z.object({ status: z.literal("declined") }), "Declined"),
    ...errorResponses(400, 404, 409, 410, 413, 429),
  },
});

export const expertAccessRoutes = () =>
  newRouter()
    .openapi(view, async (c) => c.json(unwrap(await expertView(c.var.deps, c.req.valid("param").secret)), 200))
    .openapi(confirm, async (c) => {
      const result = await confirmSlot(c.var.deps, c.req.valid("param").secret, c.req.valid("json").slotId);
      return c.json(unwrap(result), 200);
    })
    .openapi(decline, async (c) => {
      const result = await declineRequest(c.var.deps, c.req.valid("param").secret, c.req.valid("json").reason);
      return c.json(unwrap(result), 200);
    });
