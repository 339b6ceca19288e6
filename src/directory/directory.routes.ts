import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { listOrganisations } from "./directory.repo.js";
import {
  CreateExpertSchema,
  CreateOrganisationSchema,
  DirectoryExpertSchema,
  ExpertQuerySchema,
  ExpertSchema,
  OrganisationSchema,
} from "./directory.schemas.js";
import { createExpert, createOrganisation, listExperts } from "./directory.service.js";

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
  summary: "Add an expert to the directory (coordinator)",
  security: bearerSecurity,
  request: { body: jsonBody(CreateExpertSchema) },
  responses: { 201: jsonResponse(ExpertSchema, "Created"), ...errorResponses(400, 401, 403, 404, 413) },
});

const getExperts = createRoute({
  method: "get",
  path: "/api/experts",
  tags,
  summary: "Find experts by theme, country and language (members see no e-mail addresses)",
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
    .openapi(getOrganisations, async (c) => {
      const page = await listOrganisations(c.var.deps.db, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(postExpert, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await createExpert(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(getExperts, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const page = await listExperts(c.var.deps, c.var.principal, filter, pageRequest({ limit, cursor }));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    });
