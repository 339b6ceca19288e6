import type { Context } from "hono";
import type { PageEnv } from "./page-env.js";

/** The invitation as a download, the same file the API's invite.ics routes return. */
export const sendIcs = (c: Context<PageEnv>, ics: string) =>
  c.body(ics, 200, {
    "content-type": "text/calendar; charset=utf-8; method=REQUEST",
    "content-disposition": 'attachment; filename="samrad-invite.ics"',
  });
