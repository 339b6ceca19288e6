/**
 * Microsoft Graph from the Worker: MSAL (client secret) and the Graph SDK run on workerd, and
 * the token is fetched once per isolate, not per request. The identity platform and Graph are
 * faked at globalThis.fetch, which the Worker shares with the tests (same isolate).
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedRequested } from "../contract/seed.js";
import { workerTarget } from "./seed.js";

const LOGIN = "https://login.fake.test";
const GRAPH = "https://graph.fake.test";
const TENANT = "f2d9b1c4-0000-4000-8000-000000000001";

/** The Worker's env with a connected tenant: a different env object, so its own deps. */
const graphEnv = {
  ...env,
  AZURE_TENANT_ID: TENANT,
  AZURE_CLIENT_ID: "samrad-app",
  AZURE_CLIENT_SECRET: "not-a-real-secret",
  GRAPH_ORGANIZER: "samrad@contoso.test",
  GRAPH_BASE_URL: GRAPH,
  AZURE_AUTHORITY_HOST: LOGIN,
  // Invented for tests: the server key that keeps the expert link sealed for the mail.
  SECRET_KEY: "dGVzdC1rZXktZm9yLXNhbXJhZC1tYWlsLXRlc3RzLTE",
};

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
}

/** Just enough of the identity platform and Graph for a client-credentials token, mail and events. */
function fakeMicrosoft(seen: Seen[]) {
  const events = new Map<string, Record<string, unknown>>();
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const at = `${url.origin}${url.pathname}`;
    seen.push({ method: req.method, url: at, authorization: req.headers.get("authorization") });
    const json = (status: number, body: unknown) => Response.json(body, { status });
    const base = `${LOGIN}/${TENANT}`;
    if (at === `${base}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        issuer: `${base}/v2.0`,
      });
    }
    if (req.method === "POST" && at === `${base}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(await req.text());
      if (form.get("client_secret") !== graphEnv.AZURE_CLIENT_SECRET) return json(401, { error: "invalid_client" });
      return json(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: "fake-graph-token" });
    }
    const mailbox = `${GRAPH}/v1.0/users/${encodeURIComponent(graphEnv.GRAPH_ORGANIZER)}`;
    if (req.method === "POST" && at === `${mailbox}/sendMail`) return new Response(null, { status: 202 });
    if (req.method === "POST" && at === `${mailbox}/events`) {
      const n = events.size + 1;
      const event = { ...(await req.json<Record<string, unknown>>()), id: `event-${n}`, iCalUId: `ical-${n}`, onlineMeeting: { joinUrl: `https://teams.example/join/${n}` } };
      events.set(event.id, event);
      return json(201, event);
    }
    const known = events.get(at.slice(`${mailbox}/events/`.length));
    if (known && req.method === "GET") return json(200, known);
    if (known && req.method === "PATCH") return json(200, Object.assign(known, await req.json<Record<string, unknown>>()));
    return json(404, { error: { code: "ResourceNotFound", message: `fake: no ${req.method} ${url.pathname}` } });
  };
}

const target = workerTarget("workers-d1-graph", graphEnv);

describe("Microsoft Graph on Workers", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("mails the expert and creates the Teams meeting, with one token for several requests", async () => {
    const seen: Seen[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(fakeMicrosoft(seen));

    for (const round of [1, 2]) {
      const s = await seedRequested(target);
      expect(s.requested.body.expertMessage.sent).toBe(true);
      const confirmed = await target.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.body.meeting.joinUrl).toBe(`https://teams.example/join/${round}`);
    }

    // Each round: the request to the expert, then the invitation to the one member and to the expert.
    const graphCalls = seen.filter((r) => r.url.startsWith(GRAPH));
    const count = (method: string, suffix: string) => graphCalls.filter((r) => r.method === method && r.url.endsWith(suffix)).length;
    expect({ mails: count("POST", "/sendMail"), meetings: count("POST", "/events") }).toEqual({ mails: 6, meetings: 2 });
    expect(graphCalls.every((r) => r.authorization === "Bearer fake-graph-token")).toBe(true);
    // Graph calls in four requests, one token: MSAL's cache lives as long as the isolate.
    expect(seen.filter((r) => r.url.endsWith("/oauth2/v2.0/token"))).toHaveLength(1);
  });
});
