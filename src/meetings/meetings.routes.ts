import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { resolveLink } from "../expert-access/expert-access.service.js";
import type { AppEnv } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { AppError, errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, newRouter } from "../lib/router.js";
import { invitationFor, memberInvitation } from "./meetings.service.js";
import { SecretParamSchema } from "../expert-access/expert-access.schemas.js";

const tags = ["Meetings"];
const icsResponse = { description: "RFC 5545 invitation", content: { "text/calendar": { schema: z.string() } } };

const memberInvite = createRoute({
  method: "get",
  path: "/api/consultations/{id}/invite.ics",
  tags,
  summary: "The calendar invitation of a confirmed consultation",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: icsResponse, ...errorResponses(400, 401, 404, 409) },
});

const expertInvite = createRoute({
  method: "get",
  path: "/api/expert/{secret}/invite.ics",
  tags,
  summary: "The calendar invitation, through the expert's link",
  request: { params: SecretParamSchema },
  responses: { 200: icsResponse, ...errorResponses(404, 409, 410) },
});

const sendIcs = (c: Context<AppEnv>, body: string) =>
  c.body(body, 200, {
    "content-type": "text/calendar; charset=utf-8; method=REQUEST",
    "content-disposition": 'attachment; filename="samrad-invite.ics"',
  });

export const meetingRoutes = () =>
  newRouter()
    .openapi(memberInvite, async (c) => {
      return sendIcs(c, unwrap(await memberInvitation(c.var.deps, c.var.principal, c.req.valid("param").id)));
    })
    .openapi(expertInvite, async (c) => {
      const link = await resolveLink(c.var.deps, c.req.valid("param").secret);
      if (!link.ok) throw new AppError(link.problem === "unknown" ? "NOT_FOUND" : "GONE", "This link is not valid any more");
      return sendIcs(c, unwrap(await invitationFor(c.var.deps, link.consultation.id, { kind: "expert", secret: c.req.valid("param").secret })));
    });
