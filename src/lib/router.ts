// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route's schema
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import { AppError, issuesFromZod } from "./errors.js";
import type { AppEnv } from "./auth.js";

/** Turns every zod failure (body, query, params) into the one error envelope, naming the fields. */
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

/** A feature router with the shared validation hook. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** Body declaration for createRoute: JSON, required, described by a zod schema. */
export function jsonBody<T>(schema: T, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

export const bearerSecurity = [{ bearerAuth: [] }];
