import { serve } from "@hono/node-server";
import { Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import autocannon from "autocannon";

const H: [string, string][] = [
  ["Cross-Origin-Resource-Policy", "same-origin"], ["Cross-Origin-Opener-Policy", "same-origin"], ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"], ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"], ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"], ["X-Download-Options", "noopen"], ["X-Frame-Options", "SAMEORIGIN"], ["X-Permitted-Cross-Domain-Policies", "none"], ["X-XSS-Protection", "0"],
];
const before: MiddlewareHandler = (c, next) => { for (const [k, v] of H) c.header(k, v); return next(); };
const variants: Record<string, MiddlewareHandler | null> = { bare: null, secureHeaders: secureHeaders(), before };
const ports: Record<string, number> = {};
for (const [name, mw] of Object.entries(variants)) {
  const app = new Hono();
  if (mw) app.use("*", mw);
  app.get("/x", (c) => c.json({ status: "ok" }));
  ports[name] = await new Promise<number>((r) => serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (i) => r(i.port)));
}
for (let round = 0; round < 2; round++)
  for (const name of Object.keys(variants)) {
    const res = await autocannon({ url: `http://127.0.0.1:${ports[name]}/x`, connections: 20, duration: 2 });
    console.log(round, name, Math.round(res.requests.average));
  }
process.exit(0);
