import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { encodeCursor, linkNext, nextLinkHeader, pageQuery, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { AnswerFeedbackSchema, answerFeedback, feedbackPage } from "./feedback.service.js";

export const AccessibilityFeedbackSchema = z
  .object({
    id: z.string(),
    receivedAt: z.string().openapi({ example: "2027-03-01T08:00:00.000Z" }),
    answerBy: z.string().openapi({ description: "receivedAt + 14 days (Act 306/2019)", example: "2027-03-15T08:00:00.000Z" }),
    overdue: z.boolean().openapi({ description: "Past answerBy without an answer" }),
    language: z.enum(["fi", "sv", "en"]).openapi({ description: "The page language the feedback was sent in" }),
    message: z.string(),
    pageUrl: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerNote: z.string().nullable().openapi({ description: "How it was answered, as the coordinator noted it" }),
  })
  .openapi("AccessibilityFeedback");

const list = createRoute({
  method: "get",
  path: "/api/admin/accessibility-feedback",
  tags: ["Accessibility"],
  summary: "Feedback from the accessibility statement's form, unanswered and most urgent first, in pages (coordinator)",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("feedback", 1)) },
  responses: {
    200: { ...jsonResponse(pageSchema(AccessibilityFeedbackSchema), "Feedback"), headers: nextLinkHeader },
    ...errorResponses(403),
  },
});

const answer = createRoute({
  method: "post",
  path: "/api/admin/accessibility-feedback/{id}/answer",
  tags: ["Accessibility"],
  summary: "Mark feedback as answered, with a short note on how (coordinator)",
  security: bearerSecurity,
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) }), body: jsonBody(AnswerFeedbackSchema) },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), answeredAt: z.string() }), "Answered"),
    ...errorResponses(403, 409),
  },
});

export const accessibilityFeedbackRoutes = () =>
  newRouter()
    .openapi(list, async (c) => {
      coordinatorOnly(c);
      // Paged by position: the order mixes directions, and feedback arrives a few times a year.
      const { limit, cursor } = c.req.valid("query");
      const at = cursor?.[0];
      const offset = typeof at === "number" && at > 0 ? at : 0;
      const page = await feedbackPage(c.var.deps, { limit, offset });
      const nextCursor = offset + page.items.length < page.total ? encodeCursor("feedback", [offset + limit]) : null;
      linkNext(c, nextCursor);
      return c.json({ items: page.items, nextCursor }, 200);
    })
    .openapi(answer, async (c) => {
      coordinatorOnly(c);
      return c.json(unwrap(await answerFeedback(c.var.deps, c.req.valid("param").id, c.req.valid("json").note)), 200);
    });
