import { ConfidentialClientApplication } from "@azure/msal-node";
import type { GraphConfig } from "./graph-config.js";
import { toGraphRequestError } from "./graph-errors.js";

/** The token's audience is Graph, whichever host serves Graph to us (a fake in tests). */
export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/** Structurally the Graph SDK's AuthenticationProvider. */
export interface TokenProvider {
  getAccessToken(): Promise<string>;
}

type TokenSettings = Pick<GraphConfig, "tenantId" | "clientId" | "clientSecret" | "authorityHost">;

// MSAL caches tokens inside the application object, so one object per credential must
// live as long as the process (or Worker isolate): building one per request would fetch
// a new token, and the authority's metadata, every time.
const applications = new Map<string, ConfidentialClientApplication>();
// MSAL does not merge concurrent requests on an empty cache: right after a start, every
// outbox worker and request would fetch its own token. On Node concurrent callers share one.
// Not on Workers: there a request awaiting a promise that another request settles can be
// cancelled once that other request has ended.
const inFlight = new Map<string, Promise<string>>();
const shareInFlight = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent !== "Cloudflare-Workers";

/**
 * Client-credentials tokens for Graph, renewed by MSAL shortly before they expire.
 *
 * @example const tokens = tokenProviderFor(config); await tokens.getAccessToken();
 */
export function tokenProviderFor(settings: TokenSettings): TokenProvider {
  // The key is memory-only; the secret is part of it so a rotated secret gets a new client.
  const key = [settings.authorityHost, settings.tenantId, settings.clientId, settings.clientSecret].join("\n");
  let app = applications.get(key);
  if (!app) {
    app = createApplication(settings);
    applications.set(key, app);
  }
  const client = app;
  const acquire = async () => {
    try {
      const result = await client.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
      if (!result?.accessToken) throw new Error("the identity platform returned no access token");
      return result.accessToken;
    } catch (error) {
      throw toGraphRequestError(error, "acquire Graph token");
    }
  };
  return {
    getAccessToken() {
      if (!shareInFlight) return acquire();
      let pending = inFlight.get(key);
      if (!pending) {
        pending = acquire().finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}

function createApplication(settings: TokenSettings): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority: `${settings.authorityHost}/${settings.tenantId}`,
      // Trust the configured host as given rather than asking login.microsoftonline.com
      // about it (instance discovery): one path for the public cloud and a local fake.
      knownAuthorities: [new URL(settings.authorityHost).host],
    },
  });
}
