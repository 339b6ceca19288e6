/**
 * The Worker's "zod" (wrangler.toml [alias]): zod's own entry (node_modules/zod/index.js and
 * v4/classic/external.js, zod 4.6) less `z.locales` and `z.core.locales`, the error messages in
 * 50 languages. @hono/zod-openapi hands the whole `z` namespace to zod-to-openapi as a value, so
 * no bundler can drop a namespace member nobody reads: that was 39 KiB of the gzipped Worker.
 * \`fromJSONSchema\` (JSON Schema into zod) is left out too: nothing in the Worker reads JSON Schema.
 * English, the one locale in use, is registered by zod's schemas.js itself. Node uses zod as is;
 * tests/domain/zod-for-workers.test.ts checks that this module exports everything else zod does.
 */
import * as z from "./zod-for-workers-external.js";
export * from "./zod-for-workers-external.js";
export { z, z as default };
