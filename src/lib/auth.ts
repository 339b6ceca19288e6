import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { Deps } from "../deps.js";
import { clientAddress } from "../rate-limit/client-address.js";
import { checkLimit, countTowards } from "../rate-limit/rate-limiter.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import { findTokenByHash, touchToken } from "../tokens/tokens.repo.js";
import { AppError, RateLimitedError } from "./errors.js";
import { constantTimeEqual, hashSecret } from "./secrets.js";

/**
 * Who is asking. tokenId is set when an API token is behind the request, directly or through the
 * page session it opened; a coordinator signed in without a token (OpenID Connect, e-mail link)
 * has an actorId instead, the coordinator's sign-in key. The audit trail names either.
 */
export type Principal =
  | { role: "coordinator"; tokenId?: string; actorId?: string }
  | { role: "member"; memberId: string; groupId: string; tokenId?: string };

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal: Principal;
  };
}

/**
 * Recently seen tokens, per database, for a short while: hashing and looking up a token cost
 * more than the rest of a small read. Kept in memory only, so another process or isolate that
 * revokes a token is heard from within TOKEN_CACHE_MS (the promise is 5 s); this process forgets
 * a revoked token at once (forgetToken).
 */
const TOKEN_CACHE_MS = 3_000;
const TOKEN_CACHE_MAX = 1000;
/** lastUsedAt is written at most this often per token and process: never on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const tokenCaches = new WeakMap<object, Map<string, { principal: Principal; until: number }>>();

function cacheOf(deps: Pick<Deps, "db">) {
  let cache = tokenCaches.get(deps.db);
  if (!cache) tokenCaches.set(deps.db, (cache = new Map()));
  return cache;
}

/** The principal of a token seen within the last few seconds, without touching the database. */
export function cachedPrincipal(deps: Pick<Deps, "db" | "clock">, token: string): Principal | null {
  const hit = cacheOf(deps).get(token);
  return hit && hit.until > deps.clock.now().getTime() ? hit.principal : null;
}

/** Drops a revoked token from this process's cache, so it is refused on the next request. */
export function forgetToken(deps: Pick<Deps, "db">, tokenId: string): void {
  const cache = cacheOf(deps);
  for (const [token, entry] of cache) if (entry.principal.tokenId === tokenId) cache.delete(token);
}

/**
 * The one seam for tokens: a bearer token (API) and the token form of the pages both end here.
 * Unknown, revoked and expired tokens give null.
 */
export async function principalForToken(deps: Pick<Deps, "db" | "clock">, token: string): Promise<Principal | null> {
  if (token.length < 20 || token.length > 200) return null;
  const cached = cachedPrincipal(deps, token);
  if (cached) return cached;
  const found = await lookUpToken(deps, token);
  if (!found) return null;
  const now = deps.clock.now().getTime();
  const cache = cacheOf(deps);
  if (cache.size >= TOKEN_CACHE_MAX) cache.clear();
  cache.set(token, { principal: found.principal, until: Math.min(now + TOKEN_CACHE_MS, found.expiresAtMs) });
  return found.principal;
}

async function lookUpToken(deps: Pick<Deps, "db" | "clock">, token: string) {
  const hash = await hashSecret(token);
  const row = await findTokenByHash(deps.db, hash);
  const now = deps.clock.now();
  // The lookup is by hash; the comparison is repeated in constant time for defence in depth.
  if (!row || row.revokedAt || !constantTimeEqual(row.tokenHash, hash)) return null;
  const expiresAtMs = row.expiresAt ? Date.parse(row.expiresAt) : Number.POSITIVE_INFINITY;
  if (expiresAtMs <= now.getTime()) return null;
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) <= now.getTime() - LAST_USED_RESOLUTION_MS) {
    await touchToken(deps.db, row.id, now.toISOString(), new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString());
  }
  let principal: Principal | null = null;
  if (row.role === "coordinator") principal = { role: "coordinator", tokenId: row.id };
  else if (row.memberId && row.groupId) principal = { role: "member", tokenId: row.id, memberId: row.memberId, groupId: row.groupId };
  return principal ? { principal, expiresAtMs } : null;
}

/**
 * Requires `Authorization: Bearer <token>` and sets the principal. Refused tokens count against
 * the client address; over the limit, unknown tokens get 429 before they are even looked up
 * (a token seen valid a moment ago still passes: that is not guessing).
 */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (!header) throw new AppError("UNAUTHENTICATED", "Missing Authorization header: use 'Bearer <token>'");
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError("UNAUTHENTICATED", "Authorization header must be 'Bearer <token>'");
  const deps = c.var.deps;
  let principal = cachedPrincipal(deps, match[1]!);
  if (!principal) {
    const address = { address: clientAddress(c) };
    const limit = await checkLimit(deps, "bearerFailures", [address]);
    if (limit.limited) throw new RateLimitedError(limit.retryAfterSeconds);
    principal = await principalForToken(deps, match[1]!);
    if (!principal) {
      await countTowards(deps, "bearerFailures", [address]);
      await recordSecurityEvent(deps, { kind: "auth.refused", method: "bearer" });
      throw new AppError("UNAUTHENTICATED", "Unknown, expired or revoked token");
    }
  }
  c.set("principal", principal);
  await next();
});

export function coordinatorOnly(c: Context<AppEnv>): Extract<Principal, { role: "coordinator" }> {
  const p = c.var.principal;
  if (p.role !== "coordinator") throw new AppError("FORBIDDEN", "Only the coordinator may do this");
  return p;
}

export function memberOnly(c: Context<AppEnv>): Extract<Principal, { role: "member" }> {
  const p = c.var.principal;
  if (p.role !== "member") throw new AppError("FORBIDDEN", "Only a member of a development group may do this");
  return p;
}

/** The development group whose data a principal may see; null for the coordinator, who sees all. */
export const groupScope = (p: Principal): string | null => (p.role === "member" ? p.groupId : null);

/** Who did it, for the audit trail. */
export function actorOf(p: Principal): { actorType: string; actorId: string } {
  return p.role === "member"
    ? { actorType: "member", actorId: p.memberId }
    : { actorType: "coordinator", actorId: p.actorId ?? p.tokenId ?? "coordinator" };
}
