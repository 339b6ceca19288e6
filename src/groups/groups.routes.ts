import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { CreateGroupSchema, CreateMemberSchema, GroupSchema, MeSchema, MemberParamsSchema, MemberSchema, MemberWithTokenSchema, UpdateMemberSchema } from "./groups.schemas.js";
import { addMember, createGroup, groupsPage, membersOf, removeMember, updateMember, whoAmI } from "./groups.service.js";

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
  request: { query: z.object(pageQuery("groups", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(GroupSchema), "Groups"), headers: nextLinkHeader }, ...errorResponses(403) },
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
  request: { params: IdParamSchema, query: z.object(pageQuery("members", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(MemberSchema), "Members"), headers: nextLinkHeader }, ...errorResponses(403) },
});

const deleteMember = createRoute({
  method: "delete",
  path: "/api/groups/{id}/members/{memberId}",
  tags,
  summary: "Remove a member from the group and revoke the member's tokens (coordinator); their consultations stay",
  security: bearerSecurity,
  request: { params: MemberParamsSchema },
  responses: { 200: jsonResponse(z.object({ removedAt: z.string() }), "Removed"), ...errorResponses(403) },
});

const me = createRoute({
  method: "get",
  path: "/api/me",
  tags,
  summary: "Who the token belongs to: the member, their group and its members (or the coordinator)",
  security: bearerSecurity,
  responses: { 200: jsonResponse(MeSchema, "The caller"), ...errorResponses(401) },
});

const patchMember = createRoute({
  method: "patch",
  path: "/api/groups/{id}/members/{memberId}",
  tags,
  summary: "Change a member's mail language (coordinator, or the member themself)",
  security: bearerSecurity,
  request: { params: MemberParamsSchema, body: jsonBody(UpdateMemberSchema) },
  responses: { 200: jsonResponse(MemberSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 413) },
});

export const groupRoutes = () =>
  newRouter()
    .openapi(me, async (c) => c.json(await whoAmI(c.var.deps, c.var.principal), 200))
    .openapi(postGroup, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(await createGroup(c.var.deps, by, c.req.valid("json")), 201);
    })
    .openapi(getGroups, async (c) => {
      coordinatorOnly(c);
      const page = await groupsPage(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(postMember, async (c) => {
      const by = coordinatorOnly(c);
      const result = await addMember(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 201);
    })
    .openapi(getMembers, async (c) => {
      coordinatorOnly(c);
      const page = unwrap(await membersOf(c.var.deps, c.req.valid("param").id, pageRequest(c.req.valid("query"))));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(deleteMember, async (c) => {
      const by = coordinatorOnly(c);
      const { id, memberId } = c.req.valid("param");
      return c.json(unwrap(await removeMember(c.var.deps, by, id, memberId)), 200);
    })
    .openapi(patchMember, async (c) => {
      const by = c.var.principal;
      const { id, memberId } = c.req.valid("param");
      return c.json(unwrap(await updateMember(c.var.deps, by, id, memberId, c.req.valid("json"))), 200);
    });
