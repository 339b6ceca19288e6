import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../../lib/auth.js";
import { errorResponses } from "../../lib/errors.js";
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
  responses: {
    200: jsonResponse(z.object({ items: z.array(AccessibilityFeedbackSchema) }), "Feedback"),
    ...errorResponses(401, 403),
  },
});

export const accessibilityFeedbackRoutes = () =>
  newRouter().openapi(list, async (c) => {
    coordinatorOnly(c);
    const now = c.var.deps.clock.now();
    const items = (await listFeedback(c.var.deps.db)).map((f) => ({ ...f, overdue: isOverdue(f, now) }));
    return c.json({ items }, 200);
  });
