import type { Context } from "hono";
import { groupTimeZone } from "../../groups/groups.service.js";
import type { PageEnv } from "../page-env.js";
import { memberOf } from "../session.js";

/** The group's own time zone: times on its pages are its local times. The frame usually read it already. */
export async function groupZone(c: Context<PageEnv>): Promise<string> {
  return c.var.memberZone ?? groupTimeZone(c.var.deps, memberOf(c).groupId);
}
