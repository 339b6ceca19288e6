import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { principalForToken, type Principal } from "../lib/auth.js";
import type { PageEnv } from "./page-env.js";
import { cookieOptions } from "./security.js";

/**
 * Sign-in for pages, kept behind this one seam: a credential lives in an HttpOnly cookie and is
 * resolved to a Principal by the same principalForToken as the API's bearer tokens. A Microsoft
 * account sign-in would be another way to obtain that credential; nothing else would change.
 */
export type Audience = "member" | "coordinator";

const sessions: Record<Audience, { cookie: string; path: string; login: string }> = {
  member: { cookie: "samrad_member", path: "/app", login: "/app/login" },
  coordinator: { cookie: "samrad_coordinator", path: "/coordinator", login: "/coordinator/login" },
};

/** A working day: a forgotten browser does not stay signed in for long. */
const SESSION_SECONDS = 12 * 3600;

export const loginPath = (audience: Audience) => sessions[audience].login;

async function principalFrom(c: Context<PageEnv>, audience: Audience): Promise<Principal | null> {
  const credential = getCookie(c, sessions[audience].cookie);
  if (!credential) return null;
  const principal = await principalForToken(c.var.deps, credential);
  return principal?.role === audience ? principal : null;
}

export type SignInResult = "ok" | "unknown" | "wrong-role";

/** Checks the token and, when it belongs to this audience, keeps it in the session cookie. */
export async function signInWithToken(c: Context<PageEnv>, audience: Audience, token: string): Promise<SignInResult> {
  const principal = await principalForToken(c.var.deps, token.trim());
  if (!principal) return "unknown";
  if (principal.role !== audience) return "wrong-role";
  setCookie(c, sessions[audience].cookie, token.trim(), cookieOptions(c, sessions[audience].path, SESSION_SECONDS));
  return "ok";
}

export function signOut(c: Context<PageEnv>, audience: Audience) {
  deleteCookie(c, sessions[audience].cookie, cookieOptions(c, sessions[audience].path));
}

/** Lets only a signed-in principal of the audience through; everyone else goes to sign in. */
export const requireSignIn =
  (audience: Audience): MiddlewareHandler<PageEnv> =>
  async (c, next) => {
    const principal = await principalFrom(c, audience);
    if (!principal) return c.redirect(sessions[audience].login, 303);
    c.set("principal", principal);
    await next();
  };

export function memberOf(c: Context<PageEnv>): Extract<Principal, { role: "member" }> {
  const p = c.var.principal;
  if (p?.role !== "member") throw new Error("requireSignIn('member') must run before a member page");
  return p;
}
