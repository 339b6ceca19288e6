import { serve } from "@hono/node-server";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../../src/app.js";
import { nodeStaticFiles } from "../../../src/pages/assets/node-static-files.js";
import { buildDeps } from "../../../src/build-deps.js";
import { loadConfig } from "../../../src/config.js";
import { connectSqlite } from "../../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../../src/db/migrate-sqlite.js";
import { fixedClock } from "../../../src/lib/clock.js";
import { silentLogger } from "../../../src/lib/log.js";
import { issueToken } from "../../../src/tokens/tokens.repo.js";
import { insertTestThemes } from "../../helpers/test-themes.js";
import { TEST_NOW, type ApiResponse, type TestApp } from "../../helpers/test-app.js";

export type ServedApp = TestApp & { baseUrl: string; stop(): Promise<void> };

/**
 * The real app over HTTP on 127.0.0.1, with a fresh SQLite file in a temp folder and a fixed
 * clock; shaped like testApp() so the API seeding helpers work on it unchanged.
 */
export async function startServedApp(opts: { now?: string; themes?: false } = {}): Promise<ServedApp> {
  const dir = mkdtempSync(join(tmpdir(), "samrad-browser-"));
  const handle = connectSqlite(join(dir, "samrad.sqlite"));
  migrateSqlite(handle.raw);
  // Topics and experts choose from the managed list: it starts with the tests' themes unless told not to.
  if (opts.themes !== false) await insertTestThemes(handle.db, TEST_NOW);
  const clock = fixedClock(opts.now ?? TEST_NOW);

  // The app needs its public address, which is known only once the server listens.
  let app: App | undefined;
  const server = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: "127.0.0.1" }) as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ PUBLIC_BASE_URL: baseUrl, LOG_LEVEL: "silent" });
  const deps = buildDeps({ db: handle.db, atomic: handle.atomic, config, clock, log: silentLogger, staticFiles: nodeStaticFiles });
  app = createApp(deps);
  const coordinator = (await issueToken(handle.db, { role: "coordinator", label: "browser test", now: clock.now().toISOString() })).token;

  async function call<T = any>(
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["content-type"] ??= "application/json";
    const res = await app!.request(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    const body = (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
    return { status: res.status, body: body as T, headers: res.headers, text };
  }

  async function stop() {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { app, deps, clock, handle, coordinator, call, close: handle.close, baseUrl, stop };
}
