import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./webhook-url.js";
import { WebhookSendError, type WebhookTransport } from "./webhook-transport.js";

const REFUSED = "EWEBHOOKTARGET";

/**
 * Resolves like dns.lookup but refuses a name with any non-public address. It runs at connect
 * time, for the very address the socket then uses, so a name that resolved to a public address
 * when it was registered (or a moment ago) cannot be pointed at the internal network afterwards.
 * IP literals never reach it: the URL rules have checked those already.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 4);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address))) {
      return callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: REFUSED }), "", 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** Node: node:http(s) with publicOnlyLookup; redirects are not followed (node:http never does). */
export const nodeTransport: WebhookTransport = {
  post({ url, headers, body, timeoutMs }) {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(
        target,
        { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, lookup: publicOnlyLookup, signal: AbortSignal.timeout(timeoutMs) },
        (res) => {
          // The answer's body is neither kept nor read into memory.
          res.resume();
          resolve({ status: res.statusCode ?? 0 });
        },
      );
      req.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === REFUSED) reject(new WebhookSendError("refused_target"));
        else if (err.name === "AbortError" || err.name === "TimeoutError" || err.code === "ABORT_ERR") reject(new WebhookSendError("timeout"));
        else reject(new WebhookSendError("network"));
      });
      req.end(body);
    });
  },
};
