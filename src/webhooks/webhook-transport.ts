/**
 * How one signed webhook request leaves the service. Node sends with node:http(s) and checks the
 * addresses a name resolves to (node-transport.ts); Workers use fetch, whose requests go out
 * through Cloudflare's network and cannot reach the operator's private network.
 */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** The receiver's status code; a thrown error means no answer (refused, reset, timeout, refused target). */
export interface WebhookTransport {
  post(request: WebhookRequest): Promise<{ status: number }>;
}

/** A delivery that got no answer; `code` is what the delivery record keeps (never a response body). */
export class WebhookSendError extends Error {
  override name = "WebhookSendError";
  constructor(readonly code: "timeout" | "network" | "refused_target") {
    super(code);
  }
}

export const fetchTransport: WebhookTransport = {
  async post({ url, headers, body, timeoutMs }) {
    let res: Response;
    try {
      // A redirect is not followed: it could lead to an address the URL rules refuse.
      res = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new WebhookSendError(err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") ? "timeout" : "network");
    }
    // The body is not read into memory or kept; cancelling it frees the connection.
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status };
  },
};
