import type { IncomingHttpHeaders } from "node:http";
import type { FakeGraphState } from "./state.js";

/** One request as the route handlers see it: already read, path split and decoded. */
export interface FakeRequest {
  method: string;
  /** Decoded path segments, e.g. ["v1.0", "users", "a@b.fi", "events"]. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
  clientRequestId: string;
}

/** What a handler answers; the server writes it (or, for a fault, does not). */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What every handler may use besides the request. */
export interface FakeContext {
  state: FakeGraphState;
  /** https://127.0.0.1:PORT */
  origin: string;
  now(): number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  tokenLifetimeSeconds: number;
}

const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function graphJson(status: number, body: unknown): FakeResponse {
  return { status, headers: { "content-type": GRAPH_JSON }, body: JSON.stringify(body) };
}

/** Graph answers 202/204 with no body and no content type. */
export function graphEmpty(status: 202 | 204): FakeResponse {
  return { status };
}

/** Graph's error envelope: {"error":{"code","message","innerError":{date, request-id, client-request-id}}}. */
export function graphError(
  req: FakeRequest,
  ctx: FakeContext,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): FakeResponse {
  const date = new Date(ctx.now()).toISOString().slice(0, 19);
  const innerError = { date, "request-id": req.requestId, "client-request-id": req.clientRequestId };
  return {
    status,
    headers: { "content-type": GRAPH_JSON, ...headers },
    body: JSON.stringify({ error: { code, message, innerError } }),
  };
}

/** The identity platform's OAuth error body (AADSTS codes). */
export function identityError(
  req: FakeRequest,
  ctx: FakeContext,
  status: number,
  error: string,
  aadsts: number,
  description: string,
): FakeResponse {
  const timestamp = new Date(ctx.now()).toISOString().replace("T", " ").slice(0, 19) + "Z";
  return identityJson(status, {
    error,
    error_description: `AADSTS${aadsts}: ${description} Trace ID: ${req.requestId} Correlation ID: ${req.clientRequestId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: req.requestId,
    correlation_id: req.clientRequestId,
  });
}

export function identityJson(status: number, body: unknown): FakeResponse {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; response: FakeResponse };

/** Parses a Graph request body as a JSON object, answering as Graph does when it is not one. */
export function readJsonObject(req: FakeRequest, ctx: FakeContext): JsonBody {
  if (req.body.trim() === "") {
    return { ok: false, response: graphError(req, ctx, 400, "BadRequest", "Empty Payload, JSON content expected.") };
  }
  try {
    const value: unknown = JSON.parse(req.body);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // answered below
  }
  return { ok: false, response: graphError(req, ctx, 400, "BadRequest", "Unable to read JSON request payload.") };
}

/**
 * Graph rejects properties the type does not define; the fake does too, because a
 * misspelt property would otherwise be silently ignored.
 */
export function unknownProperty(
  req: FakeRequest,
  ctx: FakeContext,
  body: Record<string, unknown>,
  known: ReadonlySet<string>,
  typeName: string,
): FakeResponse | null {
  const unknown = Object.keys(body).find((key) => !key.startsWith("@odata.") && !known.has(key));
  if (unknown === undefined) return null;
  return graphError(
    req,
    ctx,
    400,
    "RequestBodyRead",
    `The property '${unknown}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

/** Real Graph's messages are terse; the bracket tells a developer what the fake checked. */
export function validationFailure(req: FakeRequest, ctx: FakeContext, detail: string): FakeResponse {
  return graphError(
    req,
    ctx,
    400,
    "ErrorPropertyValidationFailure",
    `At least one property failed validation. [fake Graph: ${detail}]`,
  );
}
