import type { Context, MiddlewareHandler } from "hono";
import type { LimitName } from "./rate-limiter.js";
import { checkLimit, countTowards } from "./rate-limiter.js";
import { clientAddress } from "./client-address.js";
import type { AppEnv } from "../lib/auth.js";

/**
 * Guards routes whose path carries a secret (expert links): an address that has met too many
 * unknown links (404) in the window is answered by `limited` before the link is looked up.
 * Known links, and links that merely expired (410), never count.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API and page contexts alike
export function secretPathGuard<C extends Context<any>>(
  name: LimitName,
  limited: (c: C, retryAfterSeconds: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const deps = (c as Context<AppEnv>).var.deps;
    const address = { address: clientAddress(c) };
    const limit = await checkLimit(deps, name, [address]);
    if (limit.limited) return limited(c as C, limit.retryAfterSeconds);
    await next();
    if (c.res.status === 404) await countTowards(deps, name, [address]);
  };
}
