import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { CreateGroupSchema, CreateMemberSchema, GroupSchema, MemberParamsSchema, MemberSchema, MemberWithTokenSchema } from "./groups.schemas.js";
import { addMember, createGroup, groups, membersOf, removeMember } from "./groups.service.js";

const tags = ["Development groups"];

const postGroup = createRoute({
  method: "post",
  path: "/api/groups",
  tags,
  summary: "Create a development group (coordinator)",
  security: bearerSecurity,
  request: { body: jsonBody(CreateGroupSchema) },
  responses: { 201: jsonResponse(GroupSchema, "Created"), ...errorResponses(400, 401, 403, 413) },
});

const getGroups = createRoute({
  method: "get",
  path: "/api/groups",
  tags,
  summary: "List development groups (coordinator)",
  security: bearerSecurity,
  responses: { 200: jsonResponse(z.object({ items: z.array(GroupSchema) }), "Groups"), ...errorResponses(401, 403) },
});

const postMember = createRoute({
  method: "post",
  path: "/api/groups/{id}/members",
  tags,
  summary: "Add a member to a group and issue the member's token (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema, body: jsonBody(CreateMemberSchema) },
  responses: { 201: jsonResponse(MemberWithTokenSchema, "Created; the token is shown only now"), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const getMembers = createRoute({
  method: "get",
  path: "/api/groups/{id}/members",
  tags,
  summary: "The group's current members (coordinator)",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(MemberSchema) }), "Members"), ...errorResponses(400, 401, 403, 404) },
});

const deleteMember = createRoute({
  method: "delete",
  path: "/api/groups/{id}/members/{memberId}",
  tags,
  summary: "Remove a member from the group and revoke the member's tokens (coordinator); their consultations stay",
  security: bearerSecurity,
  request: { params: MemberParamsSchema },
  responses: { 200: jsonResponse(z.object({ removedAt: z.string() }), "Removed"), ...errorResponses(400, 401, 403, 404) },
});

export const groupRoutes = () =>
  newRouter()
    .openapi(postGroup, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(await createGroup(c.var.deps, by, c.req.valid("json")), 201);
    })
    .openapi(getGroups, async (c) => {
      coordinatorOnly(c);
      return c.json({ items: await groups(c.var.deps) }, 200);
    })
    .openapi(postMember, async (c) => {
      const by = coordinatorOnly(c);
      const result = await addMember(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 201);
    })
    .openapi(getMembers, async (c) => {
      coordinatorOnly(c);
      return c.json({ items: unwrap(await membersOf(c.var.deps, c.req.valid("param").id)) }, 200);
    })
    .openapi(deleteMember, async (c) => {
      const by = coordinatorOnly(c);
      const { id, memberId } = c.req.valid("param");
      return c.json(unwrap(await removeMember(c.var.deps, by, id, memberId)), 200);
    });
