import { mapPage, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Deps } from "../deps.js";
import { insertSecurityEvent, listSecurityEvents } from "./security-events.repo.js";

/**
 * What the coordinator can read about sign-in and abuse. The kinds are a closed list so a page
 * can translate them; `detail` holds ids and codes only, never a token, address or e-mail.
 */
export const securityEventKinds = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_out",
  "auth.refused",
  "csrf.refused",
  "rate_limit.exceeded",
  "token.created",
  "token.revoked",
  "admin.action",
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];

export type SignInMethod = "token" | "oidc" | "email" | "bearer";

export interface SecurityEventInput {
  kind: SecurityEventKind;
  method?: SignInMethod | null;
  actor?: { actorType: string; actorId: string } | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface SecurityEvent {
  id: number;
  at: string;
  kind: SecurityEventKind;
  method: SignInMethod | null;
  actorType: string | null;
  actorId: string | null;
  detail: Record<string, string | number | boolean | null>;
}

type EventDeps = Pick<Deps, "db" | "clock" | "log">;

/** Records an event; a failure to record is logged and never fails the request it describes. */
export async function recordSecurityEvent(deps: EventDeps, e: SecurityEventInput): Promise<void> {
  try {
    await insertSecurityEvent(deps.db, {
      at: deps.clock.now().toISOString(),
      kind: e.kind,
      method: e.method ?? null,
      actorType: e.actor?.actorType ?? null,
      actorId: e.actor?.actorId ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    });
  } catch (err) {
    deps.log.error("security event not recorded", { kind: e.kind, error: err instanceof Error ? err.message : String(err) });
  }
}

export async function securityEventsPage(
  deps: Pick<Deps, "db">,
  page: PageRequest,
): Promise<Page<SecurityEvent>> {
  const before = page.after ? Number(page.after[0]) : undefined;
  const rows = await listSecurityEvents(deps.db, { before, limit: page.limit + 1 });
  return mapPage(toPage("security-events", rows, page.limit, (r) => [r.id]), (r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind as SecurityEventKind,
      method: r.method as SignInMethod | null,
      actorType: r.actorType,
      actorId: r.actorId,
      detail: r.detail ? (JSON.parse(r.detail) as SecurityEvent["detail"]) : {},
  }));
}
