/**
 * Which addresses a webhook may be sent to: public https only, so that registering an endpoint
 * cannot make the service call into its own network (SSRF). Pure: no DNS here; on Node the
 * delivery checks the resolved addresses again with isPublicAddress (node-transport.ts).
 */
export type UrlRefusal = "not_a_url" | "scheme" | "credentials" | "private_address" | "internal_name";

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: UrlRefusal; message: string };

// Names that never reach the public internet: RFC 6761/6762 special-use and common intranet suffixes.
const INTERNAL_SUFFIXES = ["localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp", "home.arpa", "arpa", "test", "invalid", "onion"];

const refuse = (reason: UrlRefusal, message: string): UrlCheck => ({ ok: false, reason, message });

function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function isPublicIpv4([a, b, c]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127) return false; // unspecified "this network", private, loopback
  if (a === 100 && b! >= 64 && b! <= 127) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local (and cloud metadata at 169.254.169.254)
  if (a === 172 && b! >= 16 && b! <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF protocol assignments, documentation
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return a! < 224; // multicast, reserved, broadcast
}

/** Eight 16-bit groups, or null. Accepts "::" compression and a trailing dotted IPv4. */
function parseIpv6(text: string): number[] | null {
  let host = text.replace(/^\[|\]$/g, "").toLowerCase();
  if (host.includes("%")) return null; // a zone id only makes sense for link-local
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (v4) {
    const bytes = parseIpv4(v4[1]!);
    if (!bytes) return null;
    host = host.slice(0, -v4[1]!.length) + `${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = host.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function isPublicIpv6(g: number[]): boolean {
  const embeddedV4 = [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255];
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return false; // ::
  if (zeros(7) && g[7] === 1) return false; // ::1
  if (zeros(5) && g[5] === 0xffff) return isPublicIpv4(embeddedV4); // IPv4-mapped
  if (zeros(6)) return isPublicIpv4(embeddedV4); // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPublicIpv4(embeddedV4); // NAT64
  if ((g[0]! & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return false; // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return false; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return false; // documentation
  if (g[0] === 0x0100 && zeros(4)) return false; // discard-only 100::/64
  return true;
}

/** Whether an IP address (v4 or v6, as DNS returns it) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isPublicIpv4(v4);
  const v6 = parseIpv6(address);
  return v6 !== null && isPublicIpv6(v6);
}

/** http://127.0.0.1[:port] only: the one exception WEBHOOK_ALLOW_LOOPBACK makes, for development and tests. */
export const isLoopbackException = (url: URL) => url.protocol === "http:" && url.hostname === "127.0.0.1";

/**
 * The registration rule (also applied again before each delivery): https to a public name or
 * address, no credentials in the URL. The WHATWG parser has already turned decimal, octal and
 * hex IPv4 spellings (http://2130706433) into dotted form, so they are caught as addresses.
 */
export function checkWebhookUrl(text: string, opts: { allowLoopback: boolean }): UrlCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("not_a_url", "must be an absolute URL");
  }
  if (url.username || url.password) return refuse("credentials", "must not carry a user name or password");
  if (opts.allowLoopback && isLoopbackException(url)) return { ok: true, url: url.href };
  if (url.protocol !== "https:") {
    return refuse("scheme", opts.allowLoopback ? "must use https (or http://127.0.0.1 while WEBHOOK_ALLOW_LOOPBACK is on)" : "must use https");
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (parseIpv4(host) || host.startsWith("[")) {
    return isPublicAddress(host) ? { ok: true, url: url.href } : refuse("private_address", "must not point to a private, loopback, link-local or unspecified address");
  }
  if (!host.includes(".") || INTERNAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`))) {
    return refuse("internal_name", "must be a public host name, not an internal one");
  }
  return { ok: true, url: url.href };
}
