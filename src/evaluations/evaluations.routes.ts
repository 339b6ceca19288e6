import { createRoute } from "@hono/zod-openapi";
import { SecretParamSchema } from "../expert-access/expert-access.schemas.js";
import { memberOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { EvaluationSchema, EvaluationsViewSchema, ExpertEvaluationViewSchema, SubmitEvaluationSchema } from "./evaluations.schemas.js";
import { expertEvaluationView, submitExpertEvaluation, submitMemberEvaluation, type Submitted } from "./evaluations.service.js";
import { evaluationsView } from "./evaluations-view.service.js";

const tags = ["Evaluations"];
const submitted = {
  201: jsonResponse(EvaluationSchema, "Stored: your evaluation"),
  200: jsonResponse(EvaluationSchema, "Stored: it replaced your earlier evaluation"),
};

const postMember = createRoute({
  method: "post",
  path: "/api/consultations/{id}/evaluations",
  tags,
  summary: "Evaluate a held session as a member of its group; a second submission replaces the first",
  description: "Accepted from the end of the session until the evaluation closes (14 days later, or earlier by the coordinator).",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(SubmitEvaluationSchema) },
  responses: { ...submitted, ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const postExpert = createRoute({
  method: "post",
  path: "/api/expert/{secret}/evaluation",
  tags,
  summary: "Evaluate the held session through the expert's link; a second submission replaces the first",
  description: "The link keeps working for this until the evaluation closes, also after its 60 days for viewing.",
  request: { params: SecretParamSchema, body: jsonBody(SubmitEvaluationSchema) },
  responses: { ...submitted, ...errorResponses(400, 404, 409, 410, 413) },
});

const getExpert = createRoute({
  method: "get",
  path: "/api/expert/{secret}/evaluation",
  tags,
  summary: "The expert's evaluation form: whether it is open, and the expert's own evaluation so far",
  request: { params: SecretParamSchema },
  responses: { 200: jsonResponse(ExpertEvaluationViewSchema, "The form's state"), ...errorResponses(404, 410) },
});

const list = createRoute({
  method: "get",
  path: "/api/consultations/{id}/evaluations",
  tags,
  summary: "Evaluations of one consultation",
  description:
    "The coordinator gets every evaluation with its free text (never who wrote it). A member of the group gets response counts " +
    "and, from 3 member evaluations up, the members' figures: no free text and nothing per person.",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(EvaluationsViewSchema, "Evaluations"), ...errorResponses(400, 401, 404) },
});

const reply = (s: Submitted) => [s.evaluation, s.created ? 201 : 200] as const;

export const evaluationRoutes = () =>
  newRouter()
    .openapi(postMember, async (c) => {
      const result = await submitMemberEvaluation(c.var.deps, memberOnly(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(...reply(unwrap(result)));
    })
    .openapi(postExpert, async (c) => {
      const result = await submitExpertEvaluation(c.var.deps, c.req.valid("param").secret, c.req.valid("json"));
      return c.json(...reply(unwrap(result)));
    })
    .openapi(getExpert, async (c) => c.json(unwrap(await expertEvaluationView(c.var.deps, c.req.valid("param").secret)), 200))
    .openapi(list, async (c) => c.json(unwrap(await evaluationsView(c.var.deps, c.var.principal, c.req.valid("param").id)), 200));
