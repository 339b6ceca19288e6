import type { Context } from "hono";
import { findGroup } from "../../groups/groups.repo.js";
import type { PageEnv } from "../page-env.js";
import { memberOf } from "../session.js";

const DEFAULT_ZONE = "Europe/Helsinki";

/** The group's own time zone: times on its pages are its local times. */
export async function groupZone(c: Context<PageEnv>): Promise<string> {
  return (await findGroup(c.var.deps.db, memberOf(c).groupId))?.timeZone ?? DEFAULT_ZONE;
}

/** The same from a row of groupTimeZoneQuery, when a page batches its reads. */
export const zoneOfRow = (row: { timeZone: string } | undefined): string => row?.timeZone ?? DEFAULT_ZONE;
