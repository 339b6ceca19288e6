/**
 * Secrets the service must be able to use again later (a webhook's signing secret) are kept only
 * sealed: AES-256-GCM under the server key (setting SECRET_KEY), with a fresh 96-bit nonce each
 * time. Web Crypto only, so Node and Workers share it. The stored form is `v1.<nonce>.<ciphertext>`
 * in base64url; `purpose` is bound as additional data, so a value sealed for one use cannot be
 * replayed as another.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export class SealError extends Error {
  override name = "SealError";
}

/** Decodes a SECRET_KEY setting: 32 bytes in base64url (or base64). */
export function decodeServerKey(text: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64url(text.trim().replace(/=+$/, ""));
  if (bytes.length !== 32) throw new SealError(`SECRET_KEY must be 32 bytes in base64url (got ${bytes.length})`);
  return bytes;
}

/** A new server key, as the SECRET_KEY setting takes it. */
export function newServerKey(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export interface Sealer {
  seal(plain: string, purpose: string): Promise<string>;
  open(sealed: string, purpose: string): Promise<string>;
}

export function createSealer(key: Uint8Array<ArrayBuffer>): Sealer {
  const cryptoKey = crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
  return {
    async seal(plain, purpose) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(purpose) }, await cryptoKey, encoder.encode(plain));
      return `v1.${toBase64url(iv)}.${toBase64url(new Uint8Array(data))}`;
    },
    async open(sealed, purpose) {
      const [version, iv, data] = sealed.split(".");
      if (version !== "v1" || !iv || !data) throw new SealError("Not a sealed value");
      try {
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64url(iv), additionalData: encoder.encode(purpose) },
          await cryptoKey,
          fromBase64url(data),
        );
        return decoder.decode(plain);
      } catch {
        throw new SealError("The sealed value does not open with this server key");
      }
    },
  };
}

/** Without a server key: anything that needs a sealed secret says so instead of storing it in plain text. */
export const noSealer: Sealer = {
  seal: () => Promise.reject(new SealError("SECRET_KEY is not set: the service cannot keep this secret")),
  open: () => Promise.reject(new SealError("SECRET_KEY is not set: the service cannot open this secret")),
};
