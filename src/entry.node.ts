import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { startBackground } from "./background.js";
import { buildNodeDeps } from "./node-deps.js";
import { mailChoice } from "./build-deps.js";
import { ConfigError, loadConfig } from "./config.js";
import { ensureFirstCoordinator } from "./tokens/first-coordinator.js";
import { afterAnswerQueue, drainingAfterAnswer } from "./lib/after-answer.js";

async function main() {
  const config = loadConfig(process.env);
  // Mail and webhooks after a transition run once the answer is handed back (drainingAfterAnswer below).
  const afterAnswer = afterAnswerQueue();
  const { deps, close, applied } = await buildNodeDeps(config, { afterAnswer });
  if (applied.length > 0) deps.log.info("migrations applied", { migrations: applied });

  await ensureFirstCoordinator(deps, { isTTY: process.stdout.isTTY === true, print: (text) => console.log(text) });

  const app = createApp(deps);
  const limits = config.server;
  const server = serve(
    {
      fetch: drainingAfterAnswer(app.fetch, afterAnswer),
      port: config.port,
      hostname: config.host,
      serverOptions: {
        // A client that trickles its request (slowloris) holds a connection at most this long.
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.headersTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Node checks the two timeouts only this often (30 s by default).
        connectionsCheckingInterval: 1000,
      },
    },
    (info: AddressInfo) => {
      console.log(`Samråd listening on http://${config.host}:${info.port} (pid ${process.pid}, database ${config.databasePath}, meetings: ${deps.scheduler.provider}, ${mailChoice(config, deps.mailer)})`);
    },
  );
  if (limits.maxConnections !== null) (server as { maxConnections?: number }).maxConnections = limits.maxConnections;
  const background = startBackground(deps, config.outboxIntervalMs);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info("shutting down", { signal });
    // Stop accepting, let in-flight requests finish, then close the database.
    server.close(async () => {
      await background.stop();
      await afterAnswer.idle();
      await close();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open forever.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => {
      deps.log.warn("forced exit after 10 s");
      process.exit(1);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error("Samråd could not start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
