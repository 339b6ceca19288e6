/**
 * The fake Graph for local development: `npm run dev:graph`, then start Samråd with the
 * printed variables. The certificate is kept in FAKE_GRAPH_DIR and reused, so restarting
 * the fake does not break the trust Samråd read at its own start.
 *
 * FAKE_GRAPH_PORT (default 8443), FAKE_GRAPH_DIR (default tests/artifacts/fake-graph),
 * FAKE_GRAPH_MAILBOXES (comma-separated extra mailboxes for getSchedule).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSelfSignedCertificate, type TlsMaterial } from "./certificate.js";
import { startFakeGraph } from "./server.js";

function loadOrCreateCertificate(dir: string): { tls: TlsMaterial; certPath: string } {
  const keyPath = resolve(dir, "key.pem");
  const certPath = resolve(dir, "cert.pem");
  if (existsSync(keyPath) && existsSync(certPath)) {
    return { tls: { keyPem: readFileSync(keyPath, "utf8"), certPem: readFileSync(certPath, "utf8") }, certPath };
  }
  const tls = createSelfSignedCertificate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, tls.keyPem, { mode: 0o600 });
  writeFileSync(certPath, tls.certPem);
  return { tls, certPath };
}

const dir = resolve(process.env.FAKE_GRAPH_DIR ?? "tests/artifacts/fake-graph");
const { tls, certPath } = loadOrCreateCertificate(dir);
const graph = await startFakeGraph({
  tls,
  port: Number(process.env.FAKE_GRAPH_PORT ?? 8443),
  mailboxes: (process.env.FAKE_GRAPH_MAILBOXES ?? "").split(",").filter(Boolean),
});

const env = {
  AZURE_TENANT_ID: graph.config.tenantId,
  AZURE_CLIENT_ID: graph.config.clientId,
  AZURE_CLIENT_SECRET: graph.config.clientSecret,
  GRAPH_ORGANIZER: graph.config.organizer,
  GRAPH_BASE_URL: graph.config.graphBaseUrl,
  AZURE_AUTHORITY_HOST: graph.config.authorityHost,
  // Node reads this once at start: set it before Samråd starts, not after.
  NODE_EXTRA_CA_CERTS: certPath,
};
console.log(`Fake Microsoft Graph listening on ${graph.url}\n\nPoint Samråd at it with:\n`);
for (const [name, value] of Object.entries(env)) console.log(`${name}=${value}`);
console.log("\nRequests:");

// Echo each request as it is recorded: enough to see what Samråd asked for.
let printed = 0;
const echo = setInterval(() => {
  for (const r of graph.state.requests.slice(printed)) {
    console.log(`${r.method} ${r.path} -> ${r.outcome}${r.fault ? ` (fault: ${r.fault})` : ""}`);
  }
  printed = graph.state.requests.length;
}, 250);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    clearInterval(echo);
    void graph.close().then(() => process.exit(0));
  });
}
