import type { Deps } from "../deps.js";
import { actorOf, forgetToken, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import type { Page, PageRequest } from "../lib/paging.js";
import { findToken, issueToken, listTokens, revokeTokenRow, type IssuedToken, type TokenListing, type TokenRow } from "./tokens.repo.js";

export type { TokenListing };

type TokenDeps = Pick<Deps, "db" | "clock" | "config" | "log">;

/** Issues a token that expires after TOKEN_TTL_DAYS and records that it was made (never the token). */
export async function issueApiToken(
  deps: TokenDeps,
  by: Principal | null,
  input: { role: "coordinator" | "member"; label: string; memberId?: string },
): Promise<IssuedToken> {
  const now = deps.clock.now();
  const issued = await issueToken(deps.db, {
    ...input,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.config.signIn.tokenTtlMs).toISOString(),
  });
  await recordSecurityEvent(deps, {
    kind: "token.created",
    actor: by ? actorOf(by) : null,
    detail: { tokenId: issued.id, role: input.role, ...(input.memberId ? { memberId: input.memberId } : {}) },
  });
  return issued;
}

/** Every token, newest first, one page at a time (GET /api/tokens and the tokens page). */
export const tokensPage = (deps: Pick<Deps, "db">, page: PageRequest): Promise<Page<TokenListing>> => listTokens(deps.db, page);

/** The tokens of these members, newest first (a group's page: a handful per member). */
export async function tokensOfMembers(deps: Pick<Deps, "db">, memberIds: string[]): Promise<TokenListing[]> {
  if (memberIds.length === 0) return [];
  return (await listTokens(deps.db, { limit: 100 }, { memberIds: memberIds.slice(0, 90) })).items;
}

export type TokenState = "active" | "expired" | "revoked";

/** What a token is now: revoked wins over expired, as the sign-in refuses it for that first. */
export function tokenState(t: Pick<TokenRow, "revokedAt" | "expiresAt">, now: Date): TokenState {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && Date.parse(t.expiresAt) <= now.getTime()) return "expired";
  return "active";
}

/**
 * Revokes a token. This process refuses it from the next request; other processes and isolates
 * within their token cache's few seconds. Page sessions opened with it end with it. `by` is
 * null on the command line.
 */
export async function revokeToken(deps: TokenDeps, by: Principal | null, id: string): Promise<Result<TokenListing>> {
  const now = deps.clock.now().toISOString();
  const revoked = await revokeTokenRow(deps.db, id, now);
  forgetToken(deps, id);
  const row = await findToken(deps.db, id);
  if (!row) return fail("NOT_FOUND", `No token with id ${id}`);
  if (revoked) await recordSecurityEvent(deps, { kind: "token.revoked", actor: by ? actorOf(by) : null, detail: { tokenId: id, role: row.role } });
  return ok(row);
}
