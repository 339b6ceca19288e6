import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Principal } from "../lib/auth.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import { endSession, openSession, principalForSession, type Audience, type SessionSubject } from "../sessions/sessions.service.js";
import type { PageEnv } from "./page-env.js";
import { cookieOptions } from "./security.js";

/**
 * Sign-in for pages: the cookie holds only a random session id (never an API token); the server
 * keeps its hash and decides on every request whether it still holds (src/sessions). Token form,
 * Microsoft account and e-mail link all end in startSession.
 */
export type { Audience };

const areas: Record<Audience, { cookie: string; path: string; login: string; home: string }> = {
  member: { cookie: "samrad_member", path: "/app", login: "/app/login", home: "/app" },
  coordinator: { cookie: "samrad_coordinator", path: "/coordinator", login: "/coordinator/login", home: "/coordinator" },
};

export const loginPath = (audience: Audience) => areas[audience].login;
export const homePath = (audience: Audience) => areas[audience].home;

async function principalFrom(c: Context<PageEnv>, audience: Audience): Promise<Principal | null> {
  const id = getCookie(c, areas[audience].cookie);
  if (!id) return null;
  return principalForSession(c.var.deps, id, audience);
}

/**
 * Opens a new session for the person and sets its cookie. A session the browser already had
 * for this area ends first, so every sign-in gets a fresh id.
 */
export async function startSession(c: Context<PageEnv>, subject: SessionSubject): Promise<void> {
  const area = areas[subject.role];
  const previous = getCookie(c, area.cookie);
  if (previous) await endSession(c.var.deps, previous);
  const { id, maxAgeSeconds } = await openSession(c.var.deps, subject);
  setCookie(c, area.cookie, id, cookieOptions(c, area.path, maxAgeSeconds));
}

/** Ends the session on the server and drops the cookie. */
export async function signOut(c: Context<PageEnv>, audience: Audience) {
  const id = getCookie(c, areas[audience].cookie);
  if (id) {
    const principal = await principalForSession(c.var.deps, id, audience);
    if (await endSession(c.var.deps, id)) {
      const actor = principal?.role === "member" ? { actorType: "member", actorId: principal.memberId } : null;
      await recordSecurityEvent(c.var.deps, { kind: "sign_out", actor, detail: { audience } });
    }
  }
  deleteCookie(c, areas[audience].cookie, cookieOptions(c, areas[audience].path));
}

/** Lets only a signed-in principal of the audience through; everyone else goes to sign in. */
export const requireSignIn =
  (audience: Audience): MiddlewareHandler<PageEnv> =>
  async (c, next) => {
    const principal = await principalFrom(c, audience);
    if (!principal) return c.redirect(areas[audience].login, 303);
    c.set("principal", principal);
    await next();
  };

export function memberOf(c: Context<PageEnv>): Extract<Principal, { role: "member" }> {
  const p = c.var.principal;
  if (p?.role !== "member") throw new Error("requireSignIn('member') must run before a member page");
  return p;
}
