import type { Context } from "hono";
import { DEFAULT_GROUP_ZONE } from "../../groups/groups.service.js";
import type { PageEnv } from "../page-env.js";

/**
 * The group's own time zone: times on its pages are its local times. The member frame read it
 * (every route that asks is behind it); Helsinki when the group has none recorded.
 */
export function groupZone(c: Context<PageEnv>): string {
  return c.var.memberZone ?? DEFAULT_GROUP_ZONE;
}
