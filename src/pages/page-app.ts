import { Hono, type Context, type MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { catalogues, isLang, resolveLanguage } from "./i18n/index.js";
import type { PageEnv } from "./page-env.js";
import { renderMessage, renderNotFound } from "./render.js";
import { cookieOptions, csrfProtection, pageSecureHeaders } from "./security.js";

const LANG_COOKIE = "samrad_lang";
const YEAR_SECONDS = 365 * 86_400;

/** Sets the page language; expert pages call it again with the expert's preferred languages. */
export function setLanguage(c: Context<PageEnv>, preferred?: readonly string[]) {
  const lang = resolveLanguage({
    query: c.req.query("lang"),
    cookie: getCookie(c, LANG_COOKIE),
    preferred,
    acceptLanguage: c.req.header("accept-language"),
  });
  c.set("lang", lang);
  c.set("t", catalogues[lang]);
}

const language: MiddlewareHandler<PageEnv> = async (c, next) => {
  const chosen = c.req.query("lang");
  // The switch is a plain link, so it works without JavaScript; the cookie remembers the choice.
  if (isLang(chosen)) setCookie(c, LANG_COOKIE, chosen, cookieOptions(c, "/", YEAR_SECONDS));
  setLanguage(c);
  await next();
};

/** Pages show personal data and secrets: no shared or browser cache may keep them. */
const noStore: MiddlewareHandler<PageEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
};

/** The middleware every page route runs, in order. */
export const pageMiddleware: MiddlewareHandler<PageEnv>[] = [pageSecureHeaders, noStore, language, csrfProtection];

export async function renderPageError(err: Error, c: Context<PageEnv>) {
  if (!c.var.t) setLanguage(c);
  const t = c.var.t.errors;
  if (err instanceof HTTPException && (err.status === 403 || err.status === 413)) {
    return renderMessage(c, { title: t.forbiddenTitle, lines: [t.forbiddenBody] }, err.status);
  }
  c.var.deps.log.error("page error", {
    requestId: c.var.requestId,
    // An expert link's path is its secret: it must not end up in the logs.
    path: c.req.path.replace(/^\/e\/[^/]+/, "/e/…").replace(/^\/auth\/email\/[^/]+/, "/auth/email/…"),
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
  return renderMessage(c, { title: t.serverTitle, lines: [t.serverBody(c.var.requestId ?? "")] }, 500);
}

/**
 * A router for the pages under one prefix: its middleware stays under that prefix (the API
 * keeps its own headers), errors become HTML pages, and `finish` adds an HTML 404 for the rest.
 */
export function pageApp(prefix: string) {
  const app = new Hono<PageEnv>().basePath(prefix);
  app.use("*", ...pageMiddleware);
  app.onError(renderPageError);
  return app;
}

export function finish(app: Hono<PageEnv>) {
  app.all("*", (c) => renderNotFound(c));
  return app;
}
