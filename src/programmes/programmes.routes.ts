import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { CreateProgrammeSchema, ProgrammeSchema, SetProgrammeSchema } from "./programmes.schemas.js";
import { createProgramme, programmesPage, setConsultationProgramme } from "./programmes.service.js";

const tags = ["Programmes"];

const list = createRoute({
  method: "get",
  path: "/api/programmes",
  tags,
  summary: "Development programmes or projects a consultation may belong to (coordinator)",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("programmes", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(ProgrammeSchema), "Programmes"), headers: nextLinkHeader }, ...errorResponses(403) },
});

const create = createRoute({
  method: "post",
  path: "/api/programmes",
  tags,
  summary: "Add a programme (coordinator); names are unique in any letter case",
  security: bearerSecurity,
  request: { body: jsonBody(CreateProgrammeSchema) },
  responses: { 201: jsonResponse(ProgrammeSchema, "Created"), ...errorResponses(403, 409) },
});

const setProgramme = createRoute({
  method: "put",
  path: "/api/consultations/{id}/programme",
  tags,
  summary: "File a consultation under a programme, or take it out with null (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(SetProgrammeSchema) },
  responses: { 200: jsonResponse(z.object({ consultationId: z.string(), programmeId: z.string().nullable() }), "Set"), ...errorResponses(403) },
});

export const programmeRoutes = () =>
  newRouter()
    .openapi(list, async (c) => {
      coordinatorOnly(c);
      const page = await programmesPage(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(create, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await createProgramme(c.var.deps, by, c.req.valid("json"))), 201);
    })
    .openapi(setProgramme, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await setConsultationProgramme(c.var.deps, by, c.req.valid("param").id, c.req.valid("json").programmeId)), 200);
    });
