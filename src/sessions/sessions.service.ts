import type { Deps } from "../deps.js";
import type { Principal } from "../lib/auth.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import { endSessionRow, findSession, insertSession, pruneSessions, touchSession } from "./sessions.repo.js";
import { sessionState } from "./session-rules.js";

export type Audience = Principal["role"];

/** Who a new session is for, and how they proved it. */
export type SessionSubject =
  | { role: "member"; memberId: string; tokenId?: string; method: "token" | "oidc" | "email" }
  | { role: "coordinator"; coordinatorKey?: string; tokenId?: string; method: "token" | "oidc" | "email" };

type SessionDeps = Pick<Deps, "db" | "clock" | "config">;

/** lastSeenAt moves at most once a minute: the idle timeout is hours, so a minute is precision enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Opens a session and returns its id, which only the cookie holds; the database keeps its hash.
 * Every sign-in opens a new one (a fresh id), so an id planted before sign-in is worth nothing.
 */
export async function openSession(deps: SessionDeps, subject: SessionSubject): Promise<{ id: string; maxAgeSeconds: number }> {
  const id = newSecret("smr_s");
  const now = deps.clock.now();
  const { sessionAbsoluteMs } = deps.config.signIn;
  await insertSession(deps.db, {
    idHash: await hashSecret(id),
    role: subject.role,
    memberId: subject.role === "member" ? subject.memberId : null,
    tokenId: subject.tokenId ?? null,
    coordinatorKey: subject.role === "coordinator" ? (subject.coordinatorKey ?? null) : null,
    method: subject.method,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs).toISOString(),
    endedAt: null,
  });
  return { id, maxAgeSeconds: Math.floor(sessionAbsoluteMs / 1000) };
}

/** The principal of a live session of this audience, else null (unknown, ended, idle, expired, token revoked). */
export async function principalForSession(deps: SessionDeps, id: string, audience: Audience): Promise<Principal | null> {
  if (!/^smr_s_[\w-]{43}$/.test(id)) return null;
  const idHash = await hashSecret(id);
  const row = await findSession(deps.db, idHash);
  if (!row || row.role !== audience) return null;
  const now = deps.clock.now();
  if (sessionState(row, now, deps.config.signIn.sessionIdleMs) !== "live") return null;
  if (Date.parse(row.lastSeenAt) <= now.getTime() - TOUCH_EVERY_MS) {
    await touchSession(deps.db, idHash, now.toISOString(), new Date(now.getTime() - TOUCH_EVERY_MS).toISOString());
  }
  if (row.role === "member") {
    if (!row.memberId || !row.groupId) return null;
    return { role: "member", memberId: row.memberId, groupId: row.groupId, ...(row.tokenId ? { tokenId: row.tokenId } : {}) };
  }
  return { role: "coordinator", ...(row.tokenId ? { tokenId: row.tokenId } : {}), ...(row.coordinatorKey ? { actorId: row.coordinatorKey } : {}) };
}

/** Ends the session on the server: the cookie, if kept or copied, no longer works. */
export async function endSession(deps: SessionDeps, id: string): Promise<boolean> {
  if (!/^smr_s_[\w-]{43}$/.test(id)) return false;
  return endSessionRow(deps.db, await hashSecret(id), deps.clock.now().toISOString());
}

export async function pruneOldSessions(deps: SessionDeps): Promise<void> {
  await pruneSessions(deps.db, new Date(deps.clock.now().getTime() - Math.max(deps.config.signIn.sessionIdleMs, 86_400_000)).toISOString());
}
