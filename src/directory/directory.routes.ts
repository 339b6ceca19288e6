import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import {
  CreateExpertSchema,
  CreateOrganisationSchema,
  DirectoryExpertSchema,
  ExpertQuerySchema,
  ExpertSchema,
  OrganisationSchema,
  UpdateExpertSchema,
  UpdateOrganisationSchema,
} from "./directory.schemas.js";
import { createExpert, createOrganisation, listExperts, organisationsPage, updateExpert, updateOrganisation } from "./directory.service.js";

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
  request: { query: z.object(pageQuery("organisations", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(OrganisationSchema), "Organisations"), headers: nextLinkHeader } },
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
  summary: "Find active experts by theme, country, language or text (the coordinator may include deactivated ones; members see no e-mail addresses)",
  security: bearerSecurity,
  request: { query: ExpertQuerySchema },
  responses: { 200: { ...jsonResponse(pageSchema(DirectoryExpertSchema), "Experts"), headers: nextLinkHeader } },
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
    .openapi(getOrganisations, async (c) => {
      const page = await organisationsPage(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(postExpert, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await createExpert(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(patchExpert, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await updateExpert(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"))), 200);
    })
    .openapi(getExperts, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const page = await listExperts(c.var.deps, c.var.principal, filter, pageRequest({ limit, cursor }));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    });
