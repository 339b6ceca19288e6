import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TlsMaterial {
  keyPem: string;
  certPem: string;
}

/**
 * A fresh self-signed certificate for localhost and 127.0.0.1, made with the openssl CLI
 * (Node cannot issue X.509 certificates itself). It is its own CA: a client trusts it
 * through NODE_EXTRA_CA_CERTS, which Node reads once at process start.
 */
export function createSelfSignedCertificate(): TlsMaterial {
  const dir = mkdtempSync(join(tmpdir(), "fake-graph-cert-"));
  try {
    const keyPath = join(dir, "key.pem");
    const certPath = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req", "-x509", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-keyout", keyPath, "-out", certPath, "-days", "30",
        "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-addext", "basicConstraints=critical,CA:TRUE",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { keyPem: readFileSync(keyPath, "utf8"), certPem: readFileSync(certPath, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
