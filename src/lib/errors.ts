import { z } from "@hono/zod-openapi";
import type { ZodError } from "zod";

/** The closed set of error codes and the HTTP status each maps to. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type ErrorStatus = (typeof errorStatus)[ErrorCode];

export interface FieldIssue {
  path: string;
  message: string;
  /** A machine code of the rule that failed (e.g. "grid"), for clients that translate it; the message may be reworded. */
  rule?: string;
  /** The other field a rule compares with (e.g. the slot an overlap is with). */
  related?: string;
}

/** Thrown by routes for expected failures; the app's error handler renders the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** Sent as Retry-After (seconds) with 429 and 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): ErrorStatus {
    return errorStatus[this.code];
  }
}

/** 429 with Retry-After: the app's error handler sets the header from retryAfterSeconds. */
export class RateLimitedError extends AppError {
  constructor(override readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many attempts: try again in ${retryAfterSeconds} s`, undefined, retryAfterSeconds);
    this.name = "RateLimitedError";
  }
}

/** An expected outcome that is not success: services return it, routes map it to a status. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Failure =>
  issues ? { ok: false, code, message, issues } : { ok: false, code, message };

/** Unwraps a service result inside a route: failures become the envelope. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.code, result.message, result.issues, result.retryAfterSeconds);
  return result.value;
}

export function issuesFromZod(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    // Unknown keys are one issue on the parent; name each key so the user sees which one.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: `Unknown field "${key}"`,
      }));
    }
    return [{ path: base, message: issue.message }];
  });
}

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      requestId: z.string(),
      issues: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            rule: z.string().optional().openapi({ description: "Machine code of the failed rule, e.g. format, grid, past, overlap", example: "grid" }),
            related: z.string().optional().openapi({ description: "The other field the rule compared with", example: "slots.0.start" }),
          }),
        )
        .optional(),
    }),
  })
  .openapi("Error");

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

/** A failure of a service the request depends on (Microsoft Graph, mail): worth retrying later. */
export const upstreamUnavailable = (what: string, retryAfterSeconds: number): Failure => ({
  ok: false,
  code: "UPSTREAM_UNAVAILABLE",
  message: `${what} is not available right now; try again in ${retryAfterSeconds} s`,
  retryAfterSeconds,
});

const errorDescriptions: Record<number, string> = {
  400: "Invalid input (body, path, query, or an unknown query parameter): the message and issues name the field",
  401: "Missing or invalid credentials",
  403: "Not allowed for this role",
  404: "Not found (or not yours)",
  409: "Not allowed in the current state",
  410: "The link no longer works",
  413: "Request body over 64 KiB",
  415: "The body is not JSON (Content-Type must be application/json)",
  429: "Too many failed attempts or requests from this address: wait for the seconds in Retry-After",
  500: "A fault on the service's side; the request id helps find it",
  503: "A service this request depends on (Microsoft Graph, mail, the database) is unavailable; Retry-After says when to try again",
};

const retryAfterHeader = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const, minimum: 0 } },
};

/** OpenAPI response entries for the given error statuses, all in the one envelope. */
export function errorResponses(...statuses: number[]) {
  // Every route that takes a token can answer 429: refused tokens are rate-limited per address.
  const all = statuses.includes(401) && !statuses.includes(429) ? [...statuses, 429] : statuses;
  return Object.fromEntries(
    all.map((s) => [
      s,
      {
        description: errorDescriptions[s] ?? "Error",
        ...(s === 429 || s === 503 ? { headers: retryAfterHeader } : {}),
        content: { "application/json": { schema: ErrorEnvelopeSchema } },
      },
    ]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorEnvelopeSchema } } }>;
}
