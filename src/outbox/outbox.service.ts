import { DateTime } from "luxon";
import type { Deps } from "../deps.js";
import { decodeCursor, type PageRequest } from "../lib/paging.js";
import { graphActivity, listOutbox, retryFailed } from "./outbox.repo.js";

type OutboxDeps = Pick<Deps, "db" | "clock">;

/** The warning comes this many days before the client secret expires (cal.com issues #7777, #18098). */
export const SECRET_WARNING_DAYS = 30;

/** Commands in one status, newest first, one page at a time. */
export const commandsByStatus = (deps: Pick<Deps, "db">, status: "pending" | "done" | "failed", page: PageRequest) => listOutbox(deps.db, status, page);

/** Failed commands, newest first, one page at a time. */
export const failedCommands = (deps: Pick<Deps, "db">, page: PageRequest = { limit: 100 }) => commandsByStatus(deps, "failed", page);

/** A page's `?cursor=` as this list gave it out; anything else starts from the top. */
export function failedCommandsPage(cursor: string | undefined, limit = 100): PageRequest {
  const after = cursor ? decodeCursor("outbox", cursor.slice(0, 600), 2) : null;
  return after ? { limit, after } : { limit };
}

/** A failed command back to the queue; false when there is no failed command with this id. */
export const retryCommand = (deps: OutboxDeps, id: string) => retryFailed(deps.db, id, deps.clock.now().toISOString());

export interface MicrosoftConnection {
  configured: boolean;
  organizer: string | null;
  /** The last calendar command Microsoft 365 accepted. */
  lastSuccessAt: string | null;
  /** Commands that failed or are being retried, newest first, with their error. */
  recentFailures: { id: string; at: string; error: string | null }[];
  secretExpires: string | null;
  /** Whole days until the secret expires (negative once it has). */
  secretDaysLeft: number | null;
  secretWarning: boolean;
}

/**
 * The Microsoft 365 connection as the coordinator sees it. Calls to Graph are made by the
 * outbox's calendar commands, so their outcomes are the connection's record.
 */
export async function microsoftConnection(deps: Pick<Deps, "db" | "clock" | "config">): Promise<MicrosoftConnection> {
  const graph = deps.config.graph;
  const expires = deps.config.graphSecretExpires;
  const now = DateTime.fromJSDate(deps.clock.now(), { zone: "utc" });
  const daysLeft = expires ? Math.floor(DateTime.fromISO(expires, { zone: "utc" }).diff(now.startOf("day"), "days").days) : null;
  const activity = graph ? await graphActivity(deps.db, 10) : { lastSuccessAt: null, recentFailures: [] };
  return {
    configured: graph !== null,
    organizer: graph?.organizer ?? null,
    ...activity,
    secretExpires: expires,
    secretDaysLeft: daysLeft,
    secretWarning: daysLeft !== null && daysLeft <= SECRET_WARNING_DAYS,
  };
}
