import type { MiddlewareHandler } from "hono";

/**
 * The headers hono/secure-headers sets by default, as one fixed list (tests/api/secure-headers.test.ts
 * checks that they stay the same). Set before the handler runs, they go into the response as it is
 * made; secureHeaders() sets them on the finished response, which makes @hono/node-server turn its
 * light response into a full one: on a small read that cost about as much as the route itself.
 */
export const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

/** API answers carry personal data and tokens shown once: no cache on the way may keep them. */
export const API_CACHE_CONTROL = "no-store";

/** For routes that answer through the context (c.json, c.body): every API route and its errors do. */
export const apiSecurityHeaders: MiddlewareHandler = (c, next) => {
  for (const [name, value] of API_SECURITY_HEADERS) c.header(name, value);
  c.header("Cache-Control", API_CACHE_CONTROL);
  return next();
};
