import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { errorResponses } from "../lib/errors.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { ConceptReportResponseSchema, CsvQuerySchema, ReportQuerySchema } from "./reports.schemas.js";
import { conceptReport, evaluationsExport } from "./reports.service.js";

const tags = ["Reports"];

const concept = createRoute({
  method: "get",
  path: "/api/reports/concept",
  tags,
  summary: "The concept model: funnel, sessions, outcomes by theme, country, length and brief, response rates, follow-ups, funding (coordinator)",
  description: "Answer figures from fewer than 3 evaluations are reported as suppressed, so that no one can be identified.",
  security: bearerSecurity,
  request: { query: ReportQuerySchema },
  responses: { 200: jsonResponse(ConceptReportResponseSchema, "The report"), ...errorResponses(400, 401, 403) },
});

const csv = createRoute({
  method: "get",
  path: "/api/reports/evaluations.csv",
  tags,
  summary: "Every evaluation as one CSV row, without names or e-mail addresses (coordinator)",
  description: "UTF-8 with a byte order mark (for Excel), a header row, CRLF line ends and RFC 4180 quoting.",
  security: bearerSecurity,
  request: { query: CsvQuerySchema },
  responses: {
    200: { description: "text/csv attachment", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

export const reportRoutes = () =>
  newRouter()
    .openapi(concept, async (c) => {
      coordinatorOnly(c);
      return c.json(await conceptReport(c.var.deps, c.req.valid("query")), 200);
    })
    .openapi(csv, async (c) => {
      coordinatorOnly(c);
      const { filename, csv: body } = await evaluationsExport(c.var.deps, c.req.valid("query"));
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      });
    });
