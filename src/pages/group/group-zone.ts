import type { Context } from "hono";
import { findGroup } from "../../groups/groups.repo.js";
import type { PageEnv } from "../page-env.js";
import { memberOf } from "../session.js";

/** The group's own time zone: times on its pages are its local times. */
export async function groupZone(c: Context<PageEnv>): Promise<string> {
  return (await findGroup(c.var.deps.db, memberOf(c).groupId))?.timeZone ?? "Europe/Helsinki";
}
