import { OpenAPIHono, z, type Hook, type RouteConfig } from "@hono/zod-openapi";
import { AppError, errorResponses, issuesFromZod } from "./errors.js";
import type { AppEnv } from "./auth.js";

/** Turns every zod failure (body, query, params) into the one error envelope, naming the fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route's schema
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const issues = issuesFromZod(result.error);
    const first = issues[0];
    const message = first
      ? `Invalid ${result.target === "json" ? "body" : result.target}: ${first.path || "(root)"}: ${first.message}`
      : "Invalid input";
    throw new AppError("VALIDATION_FAILED", message, issues);
  }
};

/**
 * The error answers any API route can give, whatever it does: an unknown query parameter (400),
 * a bad token (401), an unknown id in the path (404), a body too large (413) or not JSON (415),
 * rate limits (429), a fault (500), an unavailable dependency (503). A route lists its own
 * (403, 409, 410) and may override these descriptions.
 */
export function defaultErrorStatuses(route: Pick<RouteConfig, "method" | "path" | "security" | "request">): number[] {
  const statuses = [400];
  if (route.security && route.security.length > 0) statuses.push(401);
  if (route.path.includes("{")) statuses.push(404);
  if (route.method !== "get" && route.method !== "head") statuses.push(413);
  if (route.request?.body) statuses.push(415);
  statuses.push(429, 500, 503);
  return statuses;
}

/** Unknown query parameters answer 400, as unknown body fields do: a misspelt filter must not pass silently. */
function strictQuery(query: unknown) {
  if (query === undefined) return z.strictObject({});
  return query instanceof z.ZodObject ? query.strict() : query;
}

/** The route as registered: the shared error answers added, the query made strict. */
export function withApiDefaults<R extends RouteConfig>(route: R): R {
  const request = { ...route.request, query: strictQuery(route.request?.query) } as R["request"];
  return { ...route, request, responses: { ...errorResponses(...defaultErrorStatuses(route)), ...route.responses } };
}

/**
 * A feature router with the shared validation hook, whose every route gets the shared error
 * answers in the document and a strict query, without the route having to ask for them.
 */
export const newRouter = () => {
  const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, ...rest: unknown[]) =>
    (register as (...args: unknown[]) => unknown)(withApiDefaults(route), ...rest)) as typeof register;
  return router;
};

/** Body declaration for createRoute: JSON, required, described by a zod schema. */
export function jsonBody<T>(schema: T, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

export const bearerSecurity = [{ bearerAuth: [] }];
