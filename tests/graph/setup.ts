/**
 * vitest globalSetup for the Graph tests: makes the fake's certificate once, in the main
 * vitest process, BEFORE the worker forks start. Node reads NODE_EXTRA_CA_CERTS only at
 * process start, and vitest forks its workers with the main process's env, so every
 * worker then trusts the certificate for both MSAL's and the Graph SDK's fetch, with no
 * test-only code in src/. (Needs pool "forks": worker threads share the main process's trust.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createSelfSignedCertificate, type TlsMaterial } from "../fakes/graph/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The key and certificate every fake Graph in the test run serves. */
    fakeGraphTls: TlsMaterial;
  }
}

export default function setup(project: TestProject): () => void {
  const tls = createSelfSignedCertificate();
  const dir = mkdtempSync(join(tmpdir(), "samrad-test-ca-"));
  const caPath = join(dir, "extra-ca.pem");
  const previous = process.env.NODE_EXTRA_CA_CERTS;
  // Keep CAs the developer already trusts this way (a company proxy, say).
  const inherited = previous && existsSync(previous) ? `${readFileSync(previous, "utf8").trim()}\n` : "";
  writeFileSync(caPath, inherited + tls.certPem);
  process.env.NODE_EXTRA_CA_CERTS = caPath;
  project.provide("fakeGraphTls", tls);
  return () => {
    if (previous === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
