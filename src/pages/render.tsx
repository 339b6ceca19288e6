import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Layout, type PageFrame } from "./components/layout.js";
import type { PageEnv } from "./page-env.js";

/** The frame of the current request: language, CSRF token, and where the language links go. */
export function frameOf(c: Context<PageEnv>, extra: Partial<PageFrame> = {}): PageFrame {
  const url = new URL(c.req.url);
  return {
    lang: c.var.lang,
    t: c.var.t,
    csrfToken: c.var.csrfToken,
    here: c.req.method === "GET" ? url.pathname + url.search : url.pathname,
    noindex: true,
    signedIn: c.var.signedIn,
    ...extra,
  };
}

/** Renders a page in the layout as a full HTML document. */
export async function renderPage(
  c: Context<PageEnv>,
  page: { title: string; body: Child; frame?: Partial<PageFrame> },
  status: ContentfulStatusCode = 200,
) {
  const frame = frameOf(c, page.frame);
  const html = await (
    <Layout frame={frame} title={page.title}>
      {page.body}
    </Layout>
  ).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}

/** A short page with a heading and a message: errors, link problems, thank-yous. */
export function renderMessage(
  c: Context<PageEnv>,
  msg: { title: string; lines: string[]; frame?: Partial<PageFrame>; children?: Child },
  status: ContentfulStatusCode = 200,
) {
  return renderPage(
    c,
    {
      title: msg.title,
      frame: msg.frame,
      body: (
        <section class="message-page">
          <h1>{msg.title}</h1>
          {msg.lines.map((line) => (
            <p>{line}</p>
          ))}
          {msg.children}
        </section>
      ),
    },
    status,
  );
}

export const renderNotFound = (c: Context<PageEnv>) =>
  renderMessage(c, { title: c.var.t.errors.notFoundTitle, lines: [c.var.t.errors.notFoundBody] }, 404);
