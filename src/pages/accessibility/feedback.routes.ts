import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../../lib/auth.js";
import { errorResponses } from "../../lib/errors.js";
import { encodeCursor, linkNext, nextLinkHeader, pageQuery, pageSchema } from "../../lib/paging.js";
import { bearerSecurity, jsonResponse, newRouter } from "../../lib/router.js";
import { listFeedback } from "./feedback.repo.js";
import { isOverdue } from "./feedback.service.js";

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
  })
  .openapi("AccessibilityFeedback");

const list = createRoute({
  method: "get",
  path: "/api/admin/accessibility-feedback",
  tags: ["Accessibility"],
  summary: "Feedback from the accessibility statement's form, unanswered and most urgent first (coordinator)",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("feedback", 1)) },
  responses: {
    200: { ...jsonResponse(pageSchema(AccessibilityFeedbackSchema), "Feedback"), headers: nextLinkHeader },
    ...errorResponses(403),
  },
});

export const accessibilityFeedbackRoutes = () =>
  newRouter().openapi(list, async (c) => {
    coordinatorOnly(c);
    const { limit, cursor } = c.req.valid("query");
    const at = cursor?.[0];
    const offset = typeof at === "number" && at > 0 ? at : 0;
    const now = c.var.deps.clock.now();
    const rows = await listFeedback(c.var.deps.db, { limit: limit + 1, offset });
    const items = rows.slice(0, limit).map((f) => ({ ...f, overdue: isOverdue(f, now) }));
    const nextCursor = rows.length > limit ? encodeCursor("feedback", [offset + limit]) : null;
    linkNext(c, nextCursor);
    return c.json({ items, nextCursor }, 200);
  });
