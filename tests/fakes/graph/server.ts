import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { GraphConfig } from "../../../src/graph/graph-config.js";
import { createSelfSignedCertificate, type TlsMaterial } from "./certificate.js";
import { FaultRules, type FaultRule } from "./faults.js";
import { graphError, identityError, type FakeContext, type FakeRequest, type FakeResponse } from "./http.js";
import { route } from "./routes.js";
import { FakeGraphState } from "./state.js";

export interface FakeGraphOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The organiser mailbox; always a known mailbox. */
  organizer?: string;
  /** Further mailboxes (for getSchedule and for calls on their behalf). */
  mailboxes?: string[];
  tokenLifetimeSeconds?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Reuse a certificate the client already trusts; a new one is made when absent. */
  tls?: TlsMaterial;
  now?: () => number;
  /** For fault probabilities. */
  random?: () => number;
}

export interface FakeGraph {
  /** https://127.0.0.1:PORT: both the Graph base URL and the authority host. */
  url: string;
  port: number;
  /** The self-signed certificate; trust it through NODE_EXTRA_CA_CERTS. */
  caCertPem: string;
  state: FakeGraphState;
  faults: FaultRules;
  /** Settings that point Samråd's Graph code at this fake. */
  config: GraphConfig;
  close(): Promise<void>;
}

const GRAPH_DIAGNOSTIC = JSON.stringify({ ServerInfo: { DataCenter: "North Europe", Slice: "E", Ring: "4", ScaleUnit: "000", RoleInstance: "FAKEGRAPH01" } });

/**
 * Microsoft Graph and the identity platform as one HTTPS server on 127.0.0.1.
 *
 * @example
 * const graph = await startFakeGraph();
 * graph.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });
 * ...; await graph.close();
 */
export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const tls = options.tls ?? createSelfSignedCertificate();
  const organizer = (options.organizer ?? "samrad@contoso.test").toLowerCase();
  const state = new FakeGraphState([organizer, ...(options.mailboxes ?? [])]);
  const faults = new FaultRules(options.random);
  const timers = new Set<NodeJS.Timeout>();
  const ctx: FakeContext = {
    state,
    origin: "", // set once the port is known
    now: options.now ?? Date.now,
    tenantId: options.tenantId ?? "4b1d3e5f-7a9c-4e2b-8d6f-0a1b2c3d4e5f",
    clientId: options.clientId ?? "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
    clientSecret: options.clientSecret ?? "fake-graph-client-secret",
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
      timers.add(timer);
    });

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    if (incoming.url?.startsWith("/v1.0/")) {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      // "close" comes once the answer is written or the connection is gone (reset, lost answer).
      res.once("close", () => state.inFlight--);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? "/", ctx.origin);
    const method = (incoming.method ?? "GET").toUpperCase();
    const req: FakeRequest = {
      method,
      segments: url.pathname.split("/").filter(Boolean).map(decodeSegment),
      query: url.searchParams,
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      requestId: randomUUID(),
      clientRequestId: String(incoming.headers["client-request-id"] ?? randomUUID()),
    };
    // Decoded, so that tests and fault rules can say "/users/samrad@contoso.test/events".
    const path = `/${req.segments.join("/")}`;
    const record = (outcome: number | "reset" | "lostAnswer", fault: FaultRule | null) =>
      state.requests.push({
        method,
        path,
        outcome,
        fault: fault?.kind ?? null,
        retryAttempt: Number(incoming.headers["retry-attempt"] ?? 0),
        clientRequestId: req.clientRequestId,
      });

    const fault = faults.take(method, path);
    if (fault?.kind === "reset") {
      record("reset", fault);
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await sleep(fault.delayMs ?? 1000);
    let response: FakeResponse;
    try {
      response = fault && isStatusFault(fault) ? faultResponse(req, ctx, fault) : route(req, ctx);
    } catch (error) {
      response = graphError(req, ctx, 500, "InternalServerError", `[fake Graph bug] ${String(error)}`);
    }
    if (fault?.kind === "lostAnswer") {
      // The work is done (state changed); the client never learns it.
      record("lostAnswer", fault);
      incoming.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {
      "request-id": req.requestId,
      "client-request-id": req.clientRequestId,
      ...(req.segments[0] === "v1.0" ? { "x-ms-ags-diagnostic": GRAPH_DIAGNOSTIC } : {}),
      ...response.headers,
    };
    const body = response.body ?? "";
    headers["content-length"] = String(Buffer.byteLength(body));
    res.writeHead(response.status, headers);
    res.end(body);
    record(response.status, fault);
  }

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (incoming, res) => {
    handle(incoming, res).catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ctx.origin = `https://127.0.0.1:${port}`;

  return {
    url: ctx.origin,
    port,
    caCertPem: tls.certPem,
    state,
    faults,
    config: {
      tenantId: ctx.tenantId,
      clientId: ctx.clientId,
      clientSecret: ctx.clientSecret,
      organizer,
      graphBaseUrl: ctx.origin,
      authorityHost: ctx.origin,
    },
    async close() {
      faults.clear();
      for (const timer of timers) clearTimeout(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isStatusFault(fault: FaultRule): boolean {
  return fault.kind === "429" || fault.kind === "503" || fault.kind === "504";
}

/** Throttling and outages as each side words them; Graph always sends Retry-After on 429. */
function faultResponse(req: FakeRequest, ctx: FakeContext, fault: FaultRule): FakeResponse {
  const status = Number(fault.kind);
  const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
  if (req.segments[0] !== "v1.0") {
    const answer = identityError(req, ctx, status, "temporarily_unavailable", 50196, "The server is temporarily unavailable. [fake Graph: injected fault]");
    return { ...answer, headers: { ...answer.headers, ...headers } };
  }
  const [code, message] =
    status === 429
      ? ["ApplicationThrottled", "Application is over its MailboxConcurrency limit."]
      : status === 503
        ? ["ServiceNotAvailable", "Service Unavailable"]
        : ["UnknownError", "Gateway Timeout"];
  return graphError(req, ctx, status, code, message, headers);
}
