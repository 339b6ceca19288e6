import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { Context } from "hono";
import type { Deps } from "./deps.js";
import { requireToken, type AppEnv } from "./lib/auth.js";
import { AppError, errorStatus, RateLimitedError, type ErrorCode, type ErrorEnvelope } from "./lib/errors.js";
import { secretPathGuard } from "./rate-limit/link-guard.js";
import { recordAdminActions } from "./security-events/admin-actions.js";
import { validationHook } from "./lib/router.js";
import { apiSecurityHeaders } from "./lib/secure-headers.js";
import { docsRoutes } from "./docs/docs.routes.js";
import { featureRouters } from "./features.js";
import { GraphRequestError } from "./graph/graph-errors.js";
import { pageRouters } from "./pages/index.js";
import { registerWebhookDocs } from "./webhooks/webhooks.routes.js";
import { Hono } from "hono";
import { finish, pageApp } from "./pages/page-app.js";
import type { PageEnv } from "./pages/page-env.js";

const API_BODY_LIMIT = 64 * 1024;

function envelope(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  issues?: ErrorEnvelope["error"]["issues"],
  retryAfterSeconds?: number,
) {
  const body: ErrorEnvelope = { error: { code, message, requestId: c.var.requestId ?? "", ...(issues ? { issues } : {}) } };
  if (retryAfterSeconds !== undefined) c.header("retry-after", String(Math.max(0, Math.ceil(retryAfterSeconds))));
  return c.json(body, errorStatus[code]);
}

/** Maps Hono's own HTTP exceptions (bad JSON, wrong media type) onto the closed set of codes. */
function codeForHttpStatus(status: number): ErrorCode {
  if (status === 400) return "VALIDATION_FAILED";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  return status >= 500 ? "INTERNAL" : "VALIDATION_FAILED";
}

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // A client's X-Request-Id is kept only when it is a short token of letters, digits, "_", "-" and "=",
  // so that it can go into logs and answers as it is; anything else gets a fresh id.
  app.use("*", requestId({ limitLength: 64 }));
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  // With the security headers, Cache-Control: no-store: answers carry personal data and tokens
  // shown once, so no cache on the way may keep them.
  app.use("/api/*", apiSecurityHeaders);
  const limitBody = bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${API_BODY_LIMIT / 1024} KiB`);
    },
  });
  // Reads carry no body; asking for one makes @hono/node-server build a full Request, which costs
  // more than the rest of a small read.
  app.use("/api/*", (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  // Every API route needs a token, except the expert's, where the secret in the link is the credential.
  const expertLinkGuard = secretPathGuard<Context<AppEnv>>("expertLinkFailures", (_c, seconds) => {
    throw new RateLimitedError(seconds);
  });
  app.use("/api/*", async (c, next) => {
    if (c.req.path.startsWith("/api/expert/")) return expertLinkGuard(c, next);
    return requireToken(c, next);
  });
  app.use("/api/*", recordAdminActions);

  for (const router of featureRouters) app.route("/", router());
  for (const router of pageRouters) app.route("/", router());

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A coordinator or member token, shown once when it is created",
  });
  registerWebhookDocs(app.openAPIRegistry);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Samråd API",
      version: "0.1.0",
      description: "Books short Nordic video consultations for development work in the social and welfare sector.",
    },
  });
  app.route("/", docsRoutes());

  // A browser asking for an unknown page gets the 404 page in its language; API clients the envelope.
  const unknownPage = new Hono<PageEnv>();
  unknownPage.use("*", requestId({ limitLength: 64 }), async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  unknownPage.route("/", finish(pageApp("")));
  app.notFound((c) => {
    const browser = c.req.method === "GET" && !c.req.path.startsWith("/api/") && (c.req.header("accept") ?? "").includes("text/html");
    if (browser) return unknownPage.fetch(c.req.raw);
    return envelope(c, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  });
  app.onError((err, c) => {
    // RateLimitedError and upstream failures carry their Retry-After.
    if (err instanceof AppError) return envelope(c, err.code, err.message, err.issues, err.retryAfterSeconds);
    // A Graph call on a request path that a service did not turn into a result itself.
    if (err instanceof GraphRequestError) {
      deps.log.warn("upstream unavailable", { requestId: c.var.requestId, path: c.req.path, operation: err.operation, status: err.status });
      return envelope(c, "UPSTREAM_UNAVAILABLE", "Microsoft 365 is not available right now; try again later", undefined, err.retryAfterSeconds ?? 30);
    }
    if (err instanceof HTTPException) {
      const code = codeForHttpStatus(err.status);
      const message =
        code === "VALIDATION_FAILED" && /json/i.test(err.message)
          ? "Malformed JSON in request body"
          : err.message || code;
      return envelope(c, code, message);
    }
    deps.log.error("unhandled error", {
      requestId: c.var.requestId,
      path: c.req.path,
      error: err instanceof Error ? err.name + ": " + err.message : String(err),
    });
    return envelope(c, "INTERNAL", "Something went wrong on our side; the request id helps us find it");
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
