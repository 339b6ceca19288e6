import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppEnv } from "../lib/auth.js";

/**
 * The client's address for rate limits. In order: the header a trusted proxy sets
 * (CLIENT_ADDRESS_HEADER; for X-Forwarded-For its last entry, the one our proxy added); on Node
 * the socket's peer; on Workers CF-Connecting-IP, which Cloudflare sets and clients cannot.
 * IPv6 addresses count per /64, the block one household or office gets.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API and page contexts alike
export function clientAddress(c: Context<any>): string {
  const deps = (c as Context<AppEnv>).var.deps;
  const header = deps.config.signIn.clientAddressHeader;
  if (header) {
    const value = c.req.header(header)?.split(",").at(-1)?.trim();
    return normalise(value || "unknown");
  }
  const socket = nodeSocketAddress(c);
  if (socket) return normalise(socket);
  return normalise(c.req.header("cf-connecting-ip") ?? "unknown");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function nodeSocketAddress(c: Context<any>): string | undefined {
  // Only @hono/node-server puts the Node request in c.env; elsewhere getConnInfo would throw.
  const env = c.env as { incoming?: unknown } | undefined;
  if (!env?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}

function normalise(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4mapped) return v4mapped[1]!;
  if (!address.includes(":")) return address;
  return ipv6Prefix64(address);
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
