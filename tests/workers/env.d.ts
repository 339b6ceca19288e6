import type { D1Migration } from "cloudflare:test";
import type { WorkerEnv } from "../../src/entry.worker.js";

declare global {
  namespace Cloudflare {
    // The Worker's bindings plus the migrations vitest.config.ts reads for the setup file.
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

declare module "vitest" {
  // Set by tests/sign-in/workers-provider.setup.ts.
  export interface ProvidedContext {
    oidc: { issuer: string; clientId: string; clientSecret: string };
  }
}
