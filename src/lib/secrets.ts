/**
 * Tokens and link secrets: 256 random bits, shown once, stored only as SHA-256.
 * Web Crypto, so the same code runs on Node and on Workers; on Node the hash is Node's own.
 */
const encoder = new TextEncoder();

interface SyncHashing {
  createHash(algorithm: "sha256"): { update(data: string, encoding: "utf8"): { digest(encoding: "base64url"): string } };
}
/**
 * Node's synchronous SHA-256, reached without an import so that the Worker's bundle is unchanged.
 * Node's Web Crypto digest goes through the thread pool: under load a link's or a session's hash
 * cost about 0.5 ms of CPU and a wait (bench/api.bench.ts); this one costs microseconds. Same bytes.
 */
const nodeCrypto = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
const syncHashing = nodeCrypto?.versions?.node && nodeCrypto.getBuiltinModule ? (nodeCrypto.getBuiltinModule("node:crypto") as SyncHashing | undefined) : undefined;

function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function newSecret(prefix: string): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `${prefix}_${base64url(bytes)}`;
}

export async function hashSecret(secret: string): Promise<string> {
  if (syncHashing) return syncHashing.createHash("sha256").update(secret, "utf8").digest("base64url");
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(secret));
  return base64url(new Uint8Array(digest));
}

/** Compares two equal-length strings without an early exit. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const newId = (): string => crypto.randomUUID();
