import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import {
  CreateExpertSchema,
  CreateOrganisationSchema,
  ExpertQuerySchema,
  ExpertSchema,
  OrganisationSchema,
  UpdateExpertSchema,
  UpdateOrganisationSchema,
} from "./directory.schemas.js";
import { createExpert, createOrganisation, findExperts, organisations, updateExpert, updateOrganisation } from "./directory.service.js";

const tags = ["Directory"];

const postOrganisation = createRoute({
  method: "post",
  path: "/api/organisations",
  tags,
  summary: "Add a consulting organisation (coordinator)",
  security: bearerSecurity,
  request: { body: jsonBody(CreateOrganisationSchema) },
  responses: { 201: jsonResponse(OrganisationSchema, "Created"), ...errorResponses(400, 401, 403, 413) },
});

const patchOrganisation = createRoute({
  method: "patch",
  path: "/api/organisations/{id}",
  tags,
  summary: "Change a consulting organisation: name, country, website, criteria and their note (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(UpdateOrganisationSchema) },
  responses: { 200: jsonResponse(OrganisationSchema, "Changed"), ...errorResponses(400, 401, 403, 404, 413) },
});

const getOrganisations = createRoute({
  method: "get",
  path: "/api/organisations",
  tags,
  summary: "List consulting organisations",
  security: bearerSecurity,
  responses: { 200: jsonResponse(z.object({ items: z.array(OrganisationSchema) }), "Organisations"), ...errorResponses(401) },
});

const postExpert = createRoute({
  method: "post",
  path: "/api/experts",
  tags,
  summary: "Add an expert to the directory (coordinator); the e-mail address is unique among active experts",
  security: bearerSecurity,
  request: { body: jsonBody(CreateExpertSchema) },
  responses: { 201: jsonResponse(ExpertSchema, "Created"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const patchExpert = createRoute({
  method: "patch",
  path: "/api/experts/{id}",
  tags,
  summary: "Change an expert's entry, or deactivate it with active: false (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(UpdateExpertSchema) },
  responses: { 200: jsonResponse(ExpertSchema, "Changed"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const getExperts = createRoute({
  method: "get",
  path: "/api/experts",
  tags,
  summary: "Find active experts by theme, country, language or text (the coordinator may include deactivated ones)",
  security: bearerSecurity,
  request: { query: ExpertQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(ExpertSchema) }), "Experts"), ...errorResponses(400, 401) },
});

export const directoryRoutes = () =>
  newRouter()
    .openapi(postOrganisation, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(await createOrganisation(c.var.deps, by, c.req.valid("json")), 201);
    })
    .openapi(patchOrganisation, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await updateOrganisation(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"))), 200);
    })
    .openapi(getOrganisations, async (c) => c.json({ items: await organisations(c.var.deps) }, 200))
    .openapi(postExpert, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await createExpert(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(patchExpert, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await updateExpert(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"))), 200);
    })
    .openapi(getExperts, async (c) => c.json({ items: await findExperts(c.var.deps, c.var.principal, c.req.valid("query")) }, 200));
