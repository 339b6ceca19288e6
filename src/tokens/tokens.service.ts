import type { Page, PageRequest } from "../lib/paging.js";
import type { Deps } from "../deps.js";
import { actorOf, forgetToken, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import { findToken, issueToken, listTokens, revokeTokenRow, type IssuedToken, type TokenRow } from "./tokens.repo.js";

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

/** One page of every API token, newest first, without secrets. */
export const tokensPage = (deps: Pick<Deps, "db">, page: PageRequest): Promise<Page<TokenRow>> => listTokens(deps.db, page);

/**
 * Revokes a token. This process refuses it from the next request; other processes and isolates
 * within their token cache's few seconds. Page sessions opened with it end with it.
 */
export async function revokeToken(deps: TokenDeps, by: Principal, id: string): Promise<Result<TokenRow>> {
  const now = deps.clock.now().toISOString();
  const revoked = await revokeTokenRow(deps.db, id, now);
  forgetToken(deps, id);
  const row = await findToken(deps.db, id);
  if (!row) return fail("NOT_FOUND", `No token with id ${id}`);
  if (revoked) await recordSecurityEvent(deps, { kind: "token.revoked", actor: actorOf(by), detail: { tokenId: id, role: row.role } });
  return ok(row);
}
