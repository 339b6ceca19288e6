import type { D1Database, ExecutionContext, ScheduledController } from "@cloudflare/workers-types";
import { createApp, type App } from "./app.js";
import { backgroundTick } from "./background.js";
import { buildDeps } from "./build-deps.js";
import { loadConfig } from "./config.js";
import { connectD1 } from "./db/connect-d1.js";
import type { Deps } from "./deps.js";
import { afterAnswerQueue, drainSoon, type AfterAnswer } from "./lib/after-answer.js";
import { noStaticFiles } from "./pages/assets/static-files.js";
import { workerStaticFiles, type AssetsBinding } from "./pages/assets/worker-static-files.js";

/** Bindings from wrangler.toml: the D1 database, [vars], and secrets set with `wrangler secret put`. */
export interface WorkerEnv {
  DB: D1Database;
  /** wrangler.toml [assets]: the pages' assets and Swagger UI, written by scripts/worker-assets.ts. */
  ASSETS?: AssetsBinding;
  PUBLIC_BASE_URL?: string;
  LOG_LEVEL?: string;
  AZURE_TENANT_ID?: string;
  AZURE_CLIENT_ID?: string;
  AZURE_CLIENT_SECRET?: string;
  GRAPH_ORGANIZER?: string;
  GRAPH_BASE_URL?: string;
  AZURE_AUTHORITY_HOST?: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  COORDINATOR_EMAILS?: string;
  // Sessions, token lifetime and rate limits: see src/config.ts; every string binding is passed on.
  /** `wrangler secret put SECRET_KEY`: seals webhook signing secrets (there is no key file on Workers). */
  SECRET_KEY?: string;
  WEBHOOK_ALLOW_LOOPBACK?: string;
  WEBHOOK_TIMEOUT_MS?: string;
}

interface Isolate {
  deps: Deps;
  app: App;
  afterAnswer: AfterAnswer;
}

// Built once per isolate and env: the app, the Kysely instance and anything that caches
// (the MSAL token cache, once Graph is wired in buildDeps) then live across requests.
const isolates = new WeakMap<WorkerEnv, Isolate>();

/** Only the string settings go to loadConfig; bindings such as DB are objects. */
function settingsOf(env: WorkerEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => typeof value === "string"));
}

function isolateFor(env: WorkerEnv): Isolate {
  let isolate = isolates.get(env);
  if (!isolate) {
    const { db, atomic } = connectD1(env.DB);
    const afterAnswer = afterAnswerQueue();
    const staticFiles = env.ASSETS ? workerStaticFiles(env.ASSETS) : noStaticFiles;
    const deps = buildDeps({ db, atomic, config: loadConfig(settingsOf(env)), afterAnswer, staticFiles });
    isolate = { deps, app: createApp(deps), afterAnswer };
    isolates.set(env, isolate);
  }
  return isolate;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const isolate = isolateFor(env);
    const response = await isolate.app.fetch(request, env, ctx);
    // Mail after a transition goes out once the answer is on its way; what is lost here (the
    // isolate ends) is still in the outbox for the cron.
    if (isolate.afterAnswer.queued > 0) ctx.waitUntil(drainSoon(isolate.afterAnswer));
    return response;
  },

  /** The cron trigger: consultations move on with time, then pending calendar and mail commands go out, then webhooks. */
  scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): void {
    ctx.waitUntil(backgroundTick(isolateFor(env).deps));
  },
};
