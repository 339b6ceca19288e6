/** Whether a session still holds: one rule, used by every page request. No I/O, the clock is passed in. */
export type SessionState = "live" | "ended" | "idle" | "expired" | "token-gone";

export function sessionState(
  s: { endedAt: string | null; lastSeenAt: string; expiresAt: string; tokenId: string | null; tokenRevokedAt: string | null; tokenExpiresAt: string | null },
  now: Date,
  idleMs: number,
): SessionState {
  const t = now.getTime();
  if (s.endedAt) return "ended";
  if (Date.parse(s.expiresAt) <= t) return "expired";
  if (Date.parse(s.lastSeenAt) + idleMs <= t) return "idle";
  // A session opened with a token ends with it: revoking a token signs its pages out too.
  if (s.tokenId && (s.tokenRevokedAt || (s.tokenExpiresAt && Date.parse(s.tokenExpiresAt) <= t))) return "token-gone";
  return "live";
}
