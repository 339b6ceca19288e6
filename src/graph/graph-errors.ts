import { AuthError, ServerError } from "@azure/msal-node";
import { GraphError } from "@microsoft/microsoft-graph-client";

/** Graph's throttling and transient answers (https://learn.microsoft.com/graph/throttling). */
const TRANSIENT_STATUSES = new Set([429, 503, 504]);

export interface GraphRequestErrorInit {
  operation: string;
  /** HTTP status, or null when no answer came back (reset, refused, TLS, lost answer). */
  status: number | null;
  code: string;
  message: string;
  retryAfterSeconds?: number | null;
  requestId?: string | null;
  /** Defaults to: no answer, or 429/503/504. */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * A Graph or token call that did not succeed, in a shape an outbox can act on:
 * `retryable` says whether to try again, `retryAfterSeconds` says when (if Graph said).
 */
export class GraphRequestError extends Error {
  override readonly name = "GraphRequestError";
  readonly operation: string;
  readonly status: number | null;
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;
  readonly retryable: boolean;

  constructor(init: GraphRequestErrorInit) {
    super(`${init.operation} failed (${init.status ?? "no answer"} ${init.code}): ${init.message}`, {
      cause: init.cause,
    });
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.requestId = init.requestId ?? null;
    // No answer at all may mean the operation happened: only safe to retry because
    // creates carry a transactionId and updates/cancels are idempotent.
    this.retryable = init.retryable ?? (init.status === null || TRANSIENT_STATUSES.has(init.status));
  }
}

/** Seconds from a Retry-After header (delta-seconds or HTTP-date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Maps whatever the Graph SDK or MSAL threw to a GraphRequestError. */
export function toGraphRequestError(error: unknown, operation: string): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof GraphError) {
    // The SDK reports "no response" (fetch rejected) as statusCode -1.
    const status = error.statusCode > 0 ? error.statusCode : null;
    const headers = error.headers;
    return new GraphRequestError({
      operation,
      status,
      code: status !== null ? (error.code ?? `HTTP_${status}`) : error.code === "TimeoutError" ? "Timeout" : "NetworkError",
      message: error.message,
      retryAfterSeconds: parseRetryAfter(headers?.get("retry-after"), Date.now()),
      requestId: error.requestId ?? headers?.get("request-id") ?? null,
      cause: error,
    });
  }
  if (error instanceof AuthError) return tokenError(error, operation);
  return new GraphRequestError({
    operation,
    status: null,
    code: "UnexpectedError",
    message: error instanceof Error ? error.message : String(error),
    // Not from the SDK or MSAL: a bug, which waiting will not fix.
    retryable: false,
    cause: error,
  });
}

function tokenError(error: AuthError, operation: string): GraphRequestError {
  const status = error instanceof ServerError && error.status ? error.status : null;
  // After a 429/5xx from the token endpoint MSAL refuses further token requests itself
  // for Retry-After (or 60 s) and replays the error as a ServerError without a status.
  const replayedThrottle = error instanceof ServerError && !error.status;
  return new GraphRequestError({
    operation,
    status,
    code: error.errorCode || error.name,
    message: error.errorMessage || error.message,
    // A refused secret or an unknown tenant does not heal by waiting; an unreachable,
    // overloaded or throttling identity platform does.
    retryable:
      replayedThrottle ||
      error.errorCode === "network_error" ||
      (status !== null && (TRANSIENT_STATUSES.has(status) || status >= 500)),
    cause: error,
  });
}
