import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { linkNext, nextLinkHeader, pageQuery, pageRequest, pageSchema } from "../lib/paging.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { TokenSchema } from "./tokens.schemas.js";
import { revokeToken, tokensPage } from "./tokens.service.js";

const tags = ["Tokens"];

const list = createRoute({
  method: "get",
  path: "/api/tokens",
  tags,
  summary: "Every API token, newest first, without the secret (coordinator)",
  security: bearerSecurity,
  request: { query: z.object(pageQuery("tokens", 2)) },
  responses: { 200: { ...jsonResponse(pageSchema(TokenSchema), "One page of tokens"), headers: nextLinkHeader }, ...errorResponses(400, 401, 403) },
});

const revoke = createRoute({
  method: "post",
  path: "/api/tokens/{id}/revoke",
  tags,
  summary: "Revoke a token: refused at once here, within 5 s by every other server process (coordinator)",
  description: "Revoking a revoked token again answers 200 with the first revocation's time.",
  security: bearerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(TokenSchema, "The revoked token"), ...errorResponses(400, 401, 403, 404) },
});

export const tokenRoutes = () =>
  newRouter()
    .openapi(list, async (c) => {
      coordinatorOnly(c);
      const page = await tokensPage(c.var.deps, pageRequest(c.req.valid("query")));
      linkNext(c, page.nextCursor);
      return c.json(page, 200);
    })
    .openapi(revoke, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await revokeToken(c.var.deps, by, c.req.valid("param").id)), 200);
    });
