import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { Deps } from "../deps.js";
import { AppError } from "./errors.js";
import { constantTimeEqual, hashSecret } from "./secrets.js";

export type Principal =
  | { role: "coordinator"; tokenId: string }
  | { role: "member"; tokenId: string; memberId: string; groupId: string };

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal: Principal;
  };
}

/**
 * Recently seen tokens, per database, for a short while: hashing and looking up a token cost
 * more than the rest of a small read. Kept in memory only; a revoked token stops working
 * within TOKEN_CACHE_MS.
 */
const TOKEN_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 1000;
const tokenCaches = new WeakMap<object, Map<string, { principal: Principal; until: number }>>();

/**
 * The one seam for sign-in: a bearer token (API) or the same token from a session cookie
 * (pages) both end here. A Microsoft account sign-in would resolve to a Principal too.
 */
export async function principalForToken(deps: Deps, token: string): Promise<Principal | null> {
  if (token.length < 20 || token.length > 200) return null;
  let cache = tokenCaches.get(deps.db);
  if (!cache) tokenCaches.set(deps.db, (cache = new Map()));
  const now = deps.clock.now().getTime();
  const hit = cache.get(token);
  if (hit && hit.until > now) return hit.principal;
  const principal = await lookUpToken(deps, token);
  if (principal) {
    if (cache.size >= TOKEN_CACHE_MAX) cache.clear();
    cache.set(token, { principal, until: now + TOKEN_CACHE_MS });
  }
  return principal;
}

async function lookUpToken(deps: Deps, token: string): Promise<Principal | null> {
  const hash = await hashSecret(token);
  const row = await deps.db
    .selectFrom("api_tokens")
    .leftJoin("group_members", "group_members.id", "api_tokens.memberId")
    .select([
      "api_tokens.id",
      "api_tokens.tokenHash",
      "api_tokens.role",
      "api_tokens.memberId",
      "api_tokens.revokedAt",
      "group_members.groupId",
    ])
    .where("api_tokens.tokenHash", "=", hash)
    .executeTakeFirst();
  // The lookup is by hash; the comparison is repeated in constant time for defence in depth.
  if (!row || row.revokedAt || !constantTimeEqual(row.tokenHash, hash)) return null;
  if (row.role === "coordinator") return { role: "coordinator", tokenId: row.id };
  if (!row.memberId || !row.groupId) return null;
  return { role: "member", tokenId: row.id, memberId: row.memberId, groupId: row.groupId };
}

/** Requires `Authorization: Bearer <token>` and sets the principal. */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (!header) throw new AppError("UNAUTHENTICATED", "Missing Authorization header: use 'Bearer <token>'");
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError("UNAUTHENTICATED", "Authorization header must be 'Bearer <token>'");
  const principal = await principalForToken(c.var.deps, match[1]!);
  if (!principal) throw new AppError("UNAUTHENTICATED", "Unknown or revoked token");
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
    : { actorType: "coordinator", actorId: p.tokenId };
}
