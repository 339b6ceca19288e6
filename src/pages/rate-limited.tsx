import type { Context } from "hono";
import { secretPathGuard } from "../rate-limit/link-guard.js";
import type { PageEnv } from "./page-env.js";
import { renderMessage } from "./render.js";

/** The page for a limit that was reached: 429 with Retry-After, in the page's language. */
export async function renderRateLimited(c: Context<PageEnv>, retryAfterSeconds: number) {
  c.header("Retry-After", String(retryAfterSeconds));
  const t = c.var.t.signIn;
  return renderMessage(c, { title: t.rateLimitedTitle, lines: [t.rateLimitedBody(retryAfterSeconds)] }, 429);
}

/** Runs work after the answer: on Workers through waitUntil, on Node it simply runs on. */
export function runLater(c: Context<PageEnv>) {
  return (work: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(work);
    } catch {
      // No execution context (Node): the promise runs on by itself and logs its own failure.
    }
  };
}

/** Expert link pages: unknown links count against the address (see secretPathGuard). */
export const expertLinkPageGuard = secretPathGuard<Context<PageEnv>>("expertLinkFailures", renderRateLimited);
