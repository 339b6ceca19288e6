import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/** Node: everything under tests/ and src/ except the Workers project's files. Extend here (globalSetup, env). */
const nodeProject: TestProjectInlineConfiguration = {
  test: {
    name: "node",
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "tests/workers/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Makes the fake Graph server's certificate and trusts it (NODE_EXTRA_CA_CERTS) before workers start.
    globalSetup: ["tests/graph/setup.ts"],
  },
};

/**
 * Workers: the Worker from wrangler.toml (its main, D1 binding, vars, flags) inside workerd,
 * reached through SELF. Storage is per test file; tests/workers/setup.ts applies the migrations.
 */
async function workersProject(): Promise<TestProjectInlineConfiguration> {
  // The [assets] folder the Worker reads its pages' assets and /docs from (wrangler dev and deploy
  // write it in their [build] step, which the test pool does not run).
  const { writeWorkerAssets } = await import("./scripts/worker-assets.js");
  writeWorkerAssets();
  const migrations = await readD1Migrations(new URL("./migrations", import.meta.url).pathname);
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, LOG_LEVEL: "silent" } },
      }),
    ],
    test: {
      name: "workers",
      include: ["tests/workers/**/*.test.ts"],
      setupFiles: ["tests/workers/setup.ts"],
      // A real OpenID provider in Node for the Worker's sign-in test (tests/workers/oidc.test.ts).
      globalSetup: ["tests/sign-in/workers-provider.setup.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig(async () => ({
  test: { projects: [nodeProject, await workersProject()] },
}));
