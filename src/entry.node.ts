import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { startBackground } from "./background.js";
import { buildNodeDeps } from "./node-deps.js";
import { ConfigError, loadConfig } from "./config.js";
import { ensureFirstCoordinator } from "./tokens/first-coordinator.js";

async function main() {
  const config = loadConfig(process.env);
  const { deps, close, applied } = await buildNodeDeps(config);
  if (applied.length > 0) deps.log.info("migrations applied", { migrations: applied });

  await ensureFirstCoordinator(deps, { isTTY: process.stdout.isTTY === true, print: (text) => console.log(text) });

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    console.log(`Samråd listening on http://${config.host}:${info.port} (pid ${process.pid}, database ${config.databasePath}, meetings: ${deps.scheduler.provider})`);
  });
  const background = startBackground(deps, config.outboxIntervalMs);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info("shutting down", { signal });
    // Stop accepting, let in-flight requests finish, then close the database.
    server.close(async () => {
      await background.stop();
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
