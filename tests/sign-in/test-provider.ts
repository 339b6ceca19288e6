/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, shaped like Microsoft Entra ID: the issuer
 * is http://127.0.0.1:PORT/<tenant-id>/v2.0 and ID tokens carry oid, tid, preferred_username and
 * email (no email_verified, as Entra). The login screen is replaced by `signInAs`, and the token
 * endpoint can be told to hand out a forged (but correctly signed) ID token to test refusals.
 */
import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestPerson {
  sub: string;
  oid: string;
  email: string;
  name: string;
}

export const TENANT = "9f0e6d3c-2b1a-4c5d-8e7f-123456789abc";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who "signs in" at the provider's next interaction. */
  signInAs(person: TestPerson): void;
  /** The next token response carries this ID token instead of the provider's own. */
  forgeNextIdToken(claims: (defaults: Record<string, unknown>) => Record<string, unknown>): void;
  close(): Promise<void>;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString("base64url");

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
  const clientId = "samrad-test-client";
  const clientSecret = "test-secret-" + randomUUID();
  const people = new Map<string, TestPerson>();
  let current: TestPerson | null = null;
  let forge: ((d: Record<string, unknown>) => Record<string, unknown>) | null = null;
  let lastNonce = "";

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const prefix = `/${TENANT}/v2.0`;
  const issuer = `http://127.0.0.1:${port}${prefix}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-cookie-key-" + randomUUID()] },
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "preferred_username", "oid", "tid"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${prefix}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const p = people.get(id);
      if (!p) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: p.sub, oid: p.oid, tid: TENANT, preferred_username: p.email, email: p.email, name: p.name }),
      };
    },
  });
  const handle: (req: IncomingMessage, res: ServerResponse) => void = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (!current) throw new Error("signInAs() first");
    people.set(current.sub, current);
    lastNonce = String(details.params.nonce ?? "");
    const grant = new provider.Grant({ accountId: current.sub, clientId });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: current.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  function forgedTokenResponse(res: ServerResponse) {
    const now = Math.floor(Date.now() / 1000);
    const defaults: Record<string, unknown> = {
      iss: issuer,
      aud: clientId,
      sub: current!.sub,
      oid: current!.oid,
      tid: TENANT,
      email: current!.email,
      iat: now,
      exp: now + 300,
      nonce: lastNonce,
    };
    const claims = forge!(defaults);
    forge = null;
    const head = b64url(JSON.stringify({ alg: "RS256", kid: jwk.kid, typ: "JWT" }));
    const body = b64url(JSON.stringify(claims));
    const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey);
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ access_token: "forged-" + randomUUID(), token_type: "Bearer", expires_in: 300, id_token: `${head}.${body}.${b64url(signature)}` }));
  }

  server.on("request", (req, res) => {
    // For tests that run elsewhere (workerd): who signs in next, set over HTTP.
    if (req.method === "POST" && req.url === "/control/sign-in-as") {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        current = JSON.parse(body) as TestPerson;
        res.writeHead(204).end();
      });
      return;
    }
    if (!req.url?.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    // Mounted under the issuer's path, as express would: the provider reads the prefix from originalUrl.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url.slice(prefix.length) || "/";
    if (req.url.startsWith("/interaction/")) {
      interaction(req, res).catch((err) => res.writeHead(500).end(String(err)));
      return;
    }
    if (forge && req.method === "POST" && req.url.startsWith("/token")) {
      req.resume();
      req.on("end", () => forgedTokenResponse(res));
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (p) => {
      current = p;
    },
    forgeNextIdToken: (f) => {
      forge = f;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

