import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonBody, jsonResponse, newRouter } from "../lib/router.js";
import { listGroups } from "./groups.repo.js";
import { CreateGroupSchema, CreateMemberSchema, GroupSchema, MeSchema, MemberWithTokenSchema } from "./groups.schemas.js";
import { addMember, createGroup, whoAmI } from "./groups.service.js";

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
  responses: { 201: jsonResponse(MemberWithTokenSchema, "Created; the token is shown only now"), ...errorResponses(400, 401, 403, 404, 413) },
});

const me = createRoute({
  method: "get",
  path: "/api/me",
  tags,
  summary: "Who the token belongs to: the member, their group and its members (or the coordinator)",
  security: bearerSecurity,
  responses: { 200: jsonResponse(MeSchema, "The caller"), ...errorResponses(401) },
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
      return c.json({ items: await listGroups(c.var.deps.db) }, 200);
    })
    .openapi(postMember, async (c) => {
      const by = coordinatorOnly(c);
      const result = await addMember(c.var.deps, by, c.req.valid("param").id, c.req.valid("json"));
      return c.json(unwrap(result), 201);
    });
