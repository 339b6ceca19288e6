// Runs before each Workers test file; storage is per file, so each file starts from an empty D1.
// Records applied files in d1_migrations, as `wrangler d1 migrations apply` does.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
