import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { constantTimeEqual, newSecret } from "../lib/secrets.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import type { PageEnv } from "./page-env.js";

const CSRF_COOKIE = "samrad_csrf";
export const CSRF_FIELD = "_csrf";
const PAGE_BODY_LIMIT = 64 * 1024;

/**
 * Every script and style is a file the app serves itself, so the policy needs no
 * 'unsafe-inline' and no nonce; data for charts travels in data- attributes.
 */
export const pageSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  // Expert links carry their secret in the path: never let it leak in a Referer header.
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** https by the request itself or by the public address behind a TLS-terminating proxy. */
export function isHttps(c: Context<PageEnv>): boolean {
  return new URL(c.req.url).protocol === "https:" || c.var.deps.config.publicBaseUrl.startsWith("https:");
}

export const cookieOptions = (c: Context<PageEnv>, path: string, maxAgeSeconds?: number) => ({
  path,
  httpOnly: true,
  sameSite: "Lax" as const,
  secure: isHttps(c),
  ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
});

const originCheckOf = csrf({
  // Behind a proxy the request URL is internal; the browser's Origin is the public address.
  origin: (origin, c) =>
    origin === new URL(c.req.url).origin || origin === new URL((c as Context<PageEnv>).var.deps.config.publicBaseUrl).origin,
});

/** The Origin check, with refusals recorded as security events. */
const originCheck: MiddlewareHandler<PageEnv> = async (c, next) => {
  try {
    await originCheckOf(c, next);
  } catch (err) {
    if (err instanceof HTTPException && err.status === 403 && !c.get("form")) {
      await recordSecurityEvent(c.var.deps, { kind: "csrf.refused", detail: { reason: "origin" } });
    }
    throw err;
  }
};

const limitBody = bodyLimit({
  maxSize: PAGE_BODY_LIMIT,
  onError: () => {
    throw new HTTPException(413, { message: "Form too large" });
  },
});

/**
 * CSRF protection in two layers: the browser's Origin (or Sec-Fetch-Site) must be this site,
 * and the form must carry the token from the HttpOnly cookie (double submit). The token is
 * made on first sight and put in c.var.csrfToken for the forms.
 */
export const csrfProtection: MiddlewareHandler<PageEnv> = async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^smr_x_[\w-]{43}$/.test(token)) {
    token = newSecret("smr_x");
    setCookie(c, CSRF_COOKIE, token, cookieOptions(c, "/"));
  }
  c.set("csrfToken", token);
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  await originCheck(c, async () => {
    await limitBody(c, async () => {
      const sent = (await readForm(c)).get(CSRF_FIELD);
      if (!constantTimeEqual(sent, token)) {
        await recordSecurityEvent(c.var.deps, { kind: "csrf.refused", detail: { reason: "token" } });
        throw new HTTPException(403, { message: "CSRF token missing or wrong" });
      }
      await next();
    });
  });
};

export interface FormData {
  /** The field's value as sent (not trimmed); "" when absent. A repeated field gives its first. */
  get(name: string): string;
  /** Every value of a repeated field, e.g. the question inputs. */
  all(name: string): string[];
}

/** The urlencoded or multipart body as strings; files are ignored (no page accepts them). */
export async function readForm(c: Context<PageEnv>): Promise<FormData> {
  const cached = c.get("form");
  if (cached) return cached;
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): string[] => {
    const v = body[name];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === "string");
  };
  const form: FormData = { get: (name) => values(name)[0] ?? "", all: values };
  c.set("form", form);
  return form;
}
