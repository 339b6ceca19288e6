import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, unwrap } from "../lib/errors.js";
import { jsonResponse, newRouter } from "../lib/router.js";
import { proposeOtherTimes } from "../consultations/counter-proposal.service.js";
import { ConfirmSchema, DeclineSchema, ExpertViewSchema, ProposeOtherTimesSchema, SecretParamSchema } from "./expert-access.schemas.js";
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

const propose = createRoute({
  method: "post",
  path: "/api/expert/{secret}/propose",
  tags,
  summary: "None of the times suits: propose 1 to 3 other times; the group confirms one or proposes again",
  description:
    "Each time is checked as the group's are: the consultation's length, on a 5-minute grid, in the future, not overlapping another (issues carry `rule`). Only while the group's times are open: once proposed, the group answers next (409).",
  request: { params: SecretParamSchema, body: { required: true, content: { "application/json": { schema: ProposeOtherTimesSchema } } } },
  responses: { 200: jsonResponse(ExpertViewSchema, "Proposed: the view now lists the expert's times"), ...errorResponses(400, 404, 409, 410, 413) },
});

export const expertAccessRoutes = () =>
  newRouter()
    .openapi(view, async (c) => c.json(unwrap(await expertView(c.var.deps, c.req.valid("param").secret)), 200))
    .openapi(confirm, async (c) => {
      const result = await confirmSlot(c.var.deps, c.req.valid("param").secret, c.req.valid("json").slotId);
      return c.json(unwrap(result), 200);
    })
    .openapi(propose, async (c) => {
      const starts = c.req.valid("json").slots.map((s) => s.start);
      return c.json(unwrap(await proposeOtherTimes(c.var.deps, c.req.valid("param").secret, starts)), 200);
    })
    .openapi(decline, async (c) => {
      const result = await declineRequest(c.var.deps, c.req.valid("param").secret, c.req.valid("json").reason);
      return c.json(unwrap(result), 200);
    });
