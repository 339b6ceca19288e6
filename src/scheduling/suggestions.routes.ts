import { createRoute, z } from "@hono/zod-openapi";
import { IdSchema, InstantInputSchema, UtcInstantSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { suggestionsFor } from "./suggestions.service.js";

const QuerySchema = z.object({
  memberIds: z
    .string()
    .max(20 * 37)
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(IdSchema).min(1, { message: "name at least one member" }).max(20))
    .optional()
    .openapi({ param: { name: "memberIds", in: "query" }, description: "Comma-separated member ids; defaults to every member of the caller's group (GET /api/me lists them)", example: "id1,id2" }),
  expertId: IdSchema.openapi({ param: { name: "expertId", in: "query" } }),
  durationMinutes: z.coerce.number().int().min(30).max(45).openapi({ param: { name: "durationMinutes", in: "query" } }),
  from: InstantInputSchema.optional().openapi({ param: { name: "from", in: "query" }, description: "Defaults to now; within 2 years of now" }),
  to: InstantInputSchema.optional().openapi({ param: { name: "to", in: "query" }, description: "Defaults to from + 14 days; at most 31 days" }),
});

const SuggestionsSchema = z
  .object({
    durationMinutes: z.number(),
    from: UtcInstantSchema,
    to: UtcInstantSchema,
    freeBusyChecked: z.boolean(),
    unknownCalendars: z.array(z.string()),
    slots: z.array(z.object({ start: UtcInstantSchema, end: UtcInstantSchema })),
  })
  .openapi("Suggestions");

const route = createRoute({
  method: "get",
  path: "/api/consultations/suggestions",
  tags: ["Consultations"],
  summary: "Up to 10 times when the members are free, in office hours and on working days on both sides",
  description:
    "Spread over days and hours; never a time the group or the expert already has in Samråd (a confirmed time, or a time still on offer in an open request).",
  security: bearerSecurity,
  request: { query: QuerySchema },
  responses: { 200: jsonResponse(SuggestionsSchema, "Suggested times, UTC"), ...errorResponses(400, 401, 404, 503) },
});

// Mounted before the consultation routes, so that "suggestions" is not taken for an id.
export const suggestionRoutes = () =>
  newRouter().openapi(route, async (c) => c.json(unwrap(await suggestionsFor(c.var.deps, c.var.principal, c.req.valid("query"))), 200));
