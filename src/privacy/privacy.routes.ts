import { createRoute } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { ErasureRequestSchema, ErasureResultSchema, PersonalDataExportSchema, SubjectQuerySchema } from "./privacy.schemas.js";
import { erasePerson, exportPersonalData } from "./privacy.service.js";

const tags = ["Personal data"];

const exportRoute = createRoute({
  method: "get",
  path: "/api/privacy/export",
  tags,
  summary: "Everything held about one person, as one JSON document (coordinator; GDPR Art. 15 and 20)",
  description: "By e-mail address (members, experts and accessibility-feedback senders under it) or by member or expert id.",
  security: bearerSecurity,
  request: { query: SubjectQuerySchema },
  responses: { 200: jsonResponse(PersonalDataExportSchema, "The person's data"), ...errorResponses(400, 401, 403, 404) },
});

const erasureRoute = createRoute({
  method: "post",
  path: "/api/privacy/erasure",
  tags,
  summary: "Erase a person (coordinator; GDPR Art. 17)",
  description:
    "Replaces the name and e-mail address, removes what the person wrote, unlinks their evaluations (the figures stay), " +
    "revokes their tokens and links, deletes their accessibility feedback. One atomic write. 409 while the person takes part " +
    "in a requested or confirmed consultation.",
  security: bearerSecurity,
  request: { body: jsonBody(ErasureRequestSchema) },
  responses: { 200: jsonResponse(ErasureResultSchema, "Erased"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

export const privacyRoutes = () =>
  newRouter()
    .openapi(exportRoute, async (c) => {
      coordinatorOnly(c);
      const doc = unwrap(await exportPersonalData(c.var.deps, c.req.valid("query")));
      return c.json(doc, 200, { "cache-control": "no-store" });
    })
    .openapi(erasureRoute, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await erasePerson(c.var.deps, by, c.req.valid("json"))), 200);
    });
