// Runs in Node (so it is checked by the root tsconfig) before the Workers tests: a real OpenID provider on 127.0.0.1 for the Worker to use.
import type { TestProject } from "vitest/node";
import { startTestProvider } from "./test-provider.js";

export const WORKER_PUBLIC_BASE_URL = "https://samrad.example.org";

export default async function setup(project: TestProject) {
  const idp = await startTestProvider(`${WORKER_PUBLIC_BASE_URL}/auth/oidc/callback`);
  project.provide("oidc", { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });
  return () => idp.close();
}

declare module "vitest" {
  // Read with inject("oidc") in tests/workers/oidc.test.ts (declared there too, for the Workers tsconfig).
  export interface ProvidedContext {
    oidc: { issuer: string; clientId: string; clientSecret: string };
  }
}
