import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { errorResponses } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { securityEventKinds, securityEventsPage } from "./security-events.service.js";

const SecurityEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ example: "2027-03-01T08:00:00.000Z" }),
    kind: z.enum(securityEventKinds),
    method: z.enum(["token", "oidc", "email", "bearer"]).nullable().openapi({ description: "How the person signed in or authenticated" }),
    actorType: z.string().nullable(),
    actorId: z.string().nullable().openapi({ description: "A member id, token id or coordinator sign-in key; never a secret" }),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi({ description: "Ids and codes only" }),
  })
  .openapi("SecurityEvent");

const QuerySchema = z.object(pageQuery("security-events", 1, 50));

const list = createRoute({
  method: "get",
  path: "/api/security-events",
  tags: ["Security"],
  summary: "Sign-ins, refused authentications, CSRF refusals, rate-limit hits, token and administrative actions, newest first (coordinator)",
  security: bearerSecurity,
  request: { query: QuerySchema },
  responses: {
    200: { ...jsonResponse(pageSchema(SecurityEventSchema), "One page of events"), headers: nextLinkHeader },
    ...errorResponses(400, 401, 403),
  },
});

export const securityEventRoutes = () =>
  newRouter().openapi(list, async (c) => {
    coordinatorOnly(c);
    const page = await securityEventsPage(c.var.deps, pageRequest(c.req.valid("query")));
    linkNext(c, page.nextCursor);
    return c.json(page, 200);
  });
