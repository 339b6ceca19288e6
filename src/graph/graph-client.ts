import {
  AuthenticationHandler,
  Client,
  type GraphRequest,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from "@microsoft/microsoft-graph-client";
import type { GraphConfig } from "./graph-config.js";
import { parseRetryAfter, toGraphRequestError } from "./graph-errors.js";
import { tokenProviderFor, type TokenProvider } from "./token-provider.js";

/** The longest Retry-After we sit out inside one call; longer ones go back to the caller. */
export const MAX_INLINE_RETRY_AFTER_SECONDS = 5;
/** The SDK sets no timeout: without one a hung connection would hold an outbox slot forever. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

function retryOptions(): RetryHandlerOptions {
  // 2 retries of at most 5 s each keep a request handler under ~15 s (SDK default: 3 x up to 180 s).
  return new RetryHandlerOptions(1, 2, (_delay, _attempt, _request, _options, response) => {
    const wait = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    return wait === null || wait <= MAX_INLINE_RETRY_AFTER_SECONDS;
  });
}

/**
 * The Graph SDK client with its retry middleware, pointed at `graphBaseUrl`.
 * The redirect handler of the SDK's default chain is left out: the calendar and mail
 * calls never redirect, and the SDK leaves it out of its own non-Node chain too.
 */
export function createGraphClient(config: Pick<GraphConfig, "graphBaseUrl">, tokens: TokenProvider): Client {
  return Client.initWithMiddleware({
    baseUrl: config.graphBaseUrl,
    defaultVersion: "v1.0",
    // The SDK attaches the bearer token only for Graph's own hosts and these (host, no port).
    customHosts: new Set([new URL(config.graphBaseUrl).hostname]),
    middleware: [
      new AuthenticationHandler(tokens),
      new RetryHandler(retryOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}

/** What the calendar, mail and free/busy adapters share: one client, one organiser mailbox. */
export interface GraphApi {
  readonly organizer: string;
  /** `/users/{organizer}` with the UPN escaped: the prefix of every mailbox call. */
  readonly mailboxPath: string;
  /**
   * Runs one Graph call (retries included) within the call timeout; every failure comes
   * out as a GraphRequestError. `api(path)` is the SDK's `client.api(path)`.
   */
  call<T>(operation: string, send: (api: (path: string) => GraphRequest) => Promise<T>): Promise<T>;
}

export interface GraphApiOptions {
  tokens?: TokenProvider;
  callTimeoutMs?: number;
}

/** @example const graph = createGraphApi(graphConfig(settings)); new GraphScheduler(graph); */
export function createGraphApi(config: GraphConfig, options: GraphApiOptions = {}): GraphApi {
  const tokens = options.tokens ?? tokenProviderFor(config);
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const client = createGraphClient(config, tokens);
  return {
    organizer: config.organizer,
    mailboxPath: `/users/${encodeURIComponent(config.organizer)}`,
    async call(operation, send) {
      // Token first (cached by MSAL, so usually free): the SDK would wrap a token failure
      // into a GraphError without status, hiding whether waiting can help.
      await tokens.getAccessToken().catch((error: unknown) => {
        throw toGraphRequestError(error, operation);
      });
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await send((path) => client.api(path).option("signal", signal));
      } catch (error) {
        throw toGraphRequestError(error, operation);
      }
    },
  };
}
