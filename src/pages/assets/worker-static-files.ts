import type { StaticFiles } from "./static-files.js";

/** Structurally the Worker's static assets binding (wrangler.toml [assets]): a fetch over the folder. */
export interface AssetsBinding {
  fetch(input: string): Promise<{ ok: boolean; body: unknown }>;
}

// Any origin will do: the binding looks only at the path.
const ASSETS_ORIGIN = "https://assets.invalid";

/**
 * Workers: the bodies from the folder that scripts/worker-assets.ts writes and wrangler uploads as
 * static assets, which do not count towards the Worker's size. The Worker still answers for them
 * (run_worker_first), so headers and caching are the same as on Node.
 */
export function workerStaticFiles(binding: AssetsBinding): StaticFiles {
  return {
    async read(path) {
      const answer = await binding.fetch(`${ASSETS_ORIGIN}/${path}`);
      return answer.ok ? (answer.body as BodyInit) : null;
    },
  };
}
