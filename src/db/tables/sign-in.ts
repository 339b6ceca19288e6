import type { Generated } from "kysely";

/** 0006_sign_in: sessions, sign-in identities and links, rate limits, security events. */
export interface SessionsTable {
  idHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  tokenId: string | null;
  coordinatorKey: string | null;
  method: "token" | "oidc" | "email";
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
}

export interface SignInIdentitiesTable {
  issuer: string;
  subject: string;
  role: "coordinator" | "member";
  memberId: string | null;
  coordinatorKey: string | null;
  linkedAt: string;
}

export interface OidcFlowsTable {
  keyHash: string;
  state: string;
  nonce: string;
  audience: "coordinator" | "member";
  expiresAt: string;
}

export interface EmailSignInLinksTable {
  secretHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  coordinatorKey: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RateLimitCountersTable {
  key: string;
  windowStart: number;
  count: number;
}

export interface SecurityEventsTable {
  id: Generated<number>;
  at: string;
  kind: string;
  method: string | null;
  actorType: string | null;
  actorId: string | null;
  detail: string | null;
}
