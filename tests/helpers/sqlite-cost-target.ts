import { createApp } from "../../src/app.js";
import { buildDeps } from "../../src/build-deps.js";
import { nodeStaticFiles } from "../../src/pages/assets/node-static-files.js";
import { loadConfig } from "../../src/config.js";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { afterAnswerQueue } from "../../src/lib/after-answer.js";
import { fixedClock, systemClock, type Clock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/log.js";
import type { Mailer } from "../../src/meetings/scheduler.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import type { Counts } from "./counting-d1.js";
import { cookiesOf, requestFor, type CostTarget } from "./route-costs.js";

/**
 * The app over SQLite in memory, counting every round trip the engine makes (Node only). As in
 * `npm start`, what the answer does not need is queued for after it: `send` counts the request
 * path, then drains the queue and counts that apart.
 */
export function sqliteCostTarget(now?: string, opts: { mailer?: Mailer } = {}): CostTarget & { close(): Promise<void> } {
  let tally: Counts = { statements: 0, roundTrips: 0 };
  const handle = connectSqlite(":memory:", {
    onRoundTrip: (statements) => {
      tally.roundTrips += 1;
      tally.statements += statements;
    },
  });
  migrateSqlite(handle.raw);
  const clock: Clock = now ? fixedClock(now) : systemClock;
  const config = loadConfig({ PUBLIC_BASE_URL: "http://samrad.test", LOG_LEVEL: "silent" });
  const afterAnswer = afterAnswerQueue();
  const app = createApp(buildDeps({ db: handle.db, atomic: handle.atomic, config, clock, log: silentLogger, afterAnswer, mailer: opts.mailer, staticFiles: nodeStaticFiles }));
  return {
    now: () => clock.now(),
    coordinatorToken: async () => (await issueToken(handle.db, { role: "coordinator", label: "costs", now: clock.now().toISOString() })).token,
    async send(method, path, init) {
      tally = { statements: 0, roundTrips: 0 };
      const res = await app.request(requestFor(`http://samrad.test${path}`, method, init));
      const text = await res.text();
      const counts = tally;
      let after: Counts | undefined;
      if (afterAnswer.queued > 0) {
        tally = { statements: 0, roundTrips: 0 };
        await afterAnswer.drain();
        after = tally;
      }
      return {
        status: res.status,
        text,
        cookies: cookiesOf(res),
        body: (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text,
        counts,
        ...(after ? { afterAnswer: after } : {}),
      };
    },
    close: handle.close,
  };
}
