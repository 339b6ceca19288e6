/**
 * What the API contract suite needs from an engine: the same HTTP API, reached however that
 * engine is reached (app.request on Node, SELF.fetch on Workers), and a way to get a coordinator.
 * Nothing here may import Node-only or Workers-only modules: both pools load this file.
 */
import { expect } from "vitest";

export interface CallInit {
  token?: string;
  body?: unknown;
  /** Sent as is, e.g. malformed JSON; the content type defaults to JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field
  body: any;
  text: string;
  headers: Headers;
}

export interface ContractTarget {
  /** "node-sqlite" or "workers-d1", for test names. */
  name: string;
  /** The service's clock, so that proposed times are in its future on both engines. */
  now(): Date;
  call(method: string, path: string, init?: CallInit): Promise<CallResult>;
  /** A fresh coordinator token; each test may ask for its own. */
  coordinatorToken(): Promise<string>;
}

/** Builds the request both engines receive, and reads the response the same way. */
export async function callThrough(
  send: (path: string, init: RequestInit) => Promise<Response>,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) {
    body = init.rawBody;
    headers["content-type"] ??= "application/json";
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await send(path, { method, headers, body });
  const text = await res.text();
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, body: isJson ? JSON.parse(text) : text, text, headers: res.headers };
}

/** The one error envelope: code, a message for people, the request id, and field issues if any. */
export function expectEnvelope(res: CallResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.headers.get("content-type")).toContain("application/json");
  expect(typeof res.body.error.message).toBe("string");
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expect(typeof res.body.error.requestId).toBe("string");
  expect(res.body.error.requestId.length).toBeGreaterThan(0);
}

/** Two proposed starts a week after the service's now, at 10:00 and 13:00 UTC, on the 5-minute grid. */
export function slotsAfter(now: Date): { start: string }[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7));
  const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000).toISOString().replace(".000Z", "Z");
  return [{ start: at(10) }, { start: at(13) }];
}
