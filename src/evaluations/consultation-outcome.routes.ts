import { createRoute } from "@hono/zod-openapi";
import { coordinatorOnly, memberOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import {
  ConsultationRecordSchema,
  CreateFollowUpSchema,
  FollowUpConsultationSchema,
  FundingSchema,
  OutcomeSchema,
} from "./consultation-outcome.schemas.js";
import { closeEvaluation, recordOutcome, setFunding } from "./consultation-outcome.service.js";
import { createFollowUp } from "./follow-up.service.js";

const tags = ["Evaluations"];

const outcome = createRoute({
  method: "post",
  path: "/api/consultations/{id}/outcome",
  tags,
  summary: "Record a no-show, or the session's actual start and length (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(OutcomeSchema) },
  responses: { 200: jsonResponse(ConsultationRecordSchema, "Recorded"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const close = createRoute({
  method: "post",
  path: "/api/consultations/{id}/evaluation/close",
  tags,
  summary: "Close the evaluation before its 14 days are up (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ConsultationRecordSchema, "Closed"), ...errorResponses(400, 401, 403, 404, 409) },
});

const funding = createRoute({
  method: "post",
  path: "/api/consultations/{id}/funding",
  tags,
  summary: "Record where support for the consultation came from (coordinator or the group)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(FundingSchema) },
  responses: { 200: jsonResponse(ConsultationRecordSchema, "Recorded"), ...errorResponses(400, 401, 404, 413) },
});

const followUp = createRoute({
  method: "post",
  path: "/api/consultations/{id}/follow-up",
  tags,
  summary: "Create a draft follow-up consultation, when an evaluation of this one asked for it (member)",
  description: "topicId and expertId default to the origin's; the brief must belong to the topic. Request it like any draft.",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(CreateFollowUpSchema) },
  responses: { 201: jsonResponse(FollowUpConsultationSchema, "Created as draft"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

export const consultationOutcomeRoutes = () =>
  newRouter()
    .openapi(outcome, async (c) => {
      const result = await recordOutcome(c.var.deps, coordinatorOnly(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 200);
    })
    .openapi(close, async (c) => c.json(unwrap(await closeEvaluation(c.var.deps, coordinatorOnly(c), c.req.valid("param").id)), 200))
    .openapi(funding, async (c) => {
      const result = await setFunding(c.var.deps, c.var.principal, c.req.valid("param").id, c.req.valid("json").source);
      return c.json(unwrap(result), 200);
    })
    .openapi(followUp, async (c) => {
      const result = await createFollowUp(c.var.deps, memberOnly(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 201);
    });
