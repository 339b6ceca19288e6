import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOnly } from "../lib/auth.js";
import { IdParamSchema } from "../lib/common-schemas.js";
import { errorResponses, unwrap } from "../lib/errors.js";
import { bearerSecurity, jsonResponse, newRouter } from "../lib/router.js";
import { TokenSchema } from "./tokens.schemas.js";
import { allTokens, revokeToken } from "./tokens.service.js";

const tags = ["Tokens"];

const list = createRoute({
  method: "get",
  path: "/api/tokens",
  tags,
  summary: "Every API token, newest first, without the secret (coordinator)",
  security: bearerSecurity,
  responses: { 200: jsonResponse(z.object({ items: z.array(TokenSchema) }), "Tokens"), ...errorResponses(401, 403) },
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
      return c.json({ items: await allTokens(c.var.deps) }, 200);
    })
    .openapi(revoke, async (c) => {
      const by = coordinatorOnly(c);
      return c.json(unwrap(await revokeToken(c.var.deps, by, c.req.valid("param").id)), 200);
    });
