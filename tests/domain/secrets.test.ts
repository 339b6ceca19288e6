import { describe, expect, it } from "vitest";
import { hashSecret, newSecret } from "../../src/lib/secrets.js";

/** What every stored token, session and link hash was made with: Web Crypto's SHA-256, base64url without padding. */
async function webCryptoHash(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
  let bin = "";
  for (const b of digest) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("hashing secrets", () => {
  it("gives the hashes already stored, so tokens, sessions and links issued before still sign in", async () => {
    for (const secret of [newSecret("smr"), newSecret("smr_s"), "smr_Ålands-länk_ÄÖ_" + "x".repeat(30)]) {
      expect(await hashSecret(secret)).toBe(await webCryptoHash(secret));
    }
    expect(await hashSecret("smr_a")).not.toBe(await hashSecret("smr_b"));
  });
});
