import { createMiddleware } from "hono/factory";
import { actorOf, type AppEnv } from "../lib/auth.js";
import { recordSecurityEvent } from "./security-events.service.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Every change the coordinator makes through the API is a security event: one place, so a new
 * endpoint cannot forget it. Only the method, the route's shape (ids as :id) and the status
 * are kept, never the body.
 */
export const recordAdminActions = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Page routers set the principal per route (requireSignIn), so it is read after next().
  const p = c.get("principal") as AppEnv["Variables"]["principal"] | undefined;
  if (!p || p.role !== "coordinator" || c.req.method === "GET" || c.req.method === "HEAD") return;
  await recordSecurityEvent(c.var.deps, {
    kind: "admin.action",
    method: c.req.path.startsWith("/api/") ? "bearer" : null,
    actor: actorOf(p),
    detail: { request: `${c.req.method} ${c.req.path.replace(UUID, ":id")}`, status: c.res.status },
  });
});
