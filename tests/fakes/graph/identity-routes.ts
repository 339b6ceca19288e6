import { randomBytes } from "node:crypto";
import { identityError, identityJson, type FakeContext, type FakeRequest, type FakeResponse } from "./http.js";

const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";
/** OIDC scopes a client may add; they do not change a client-credentials grant. */
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access"]);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function unknownTenant(req: FakeRequest, ctx: FakeContext, tenant: string): FakeResponse {
  return identityError(req, ctx, 400, "invalid_tenant", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
}

/** GET /{tenant}/v2.0/.well-known/openid-configuration */
export function openIdConfiguration(req: FakeRequest, ctx: FakeContext, tenant: string): FakeResponse {
  if (tenant.toLowerCase() !== ctx.tenantId.toLowerCase()) return unknownTenant(req, ctx, tenant);
  const base = `${ctx.origin}/${tenant}`;
  return identityJson(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "tid", "ver", "oid"],
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
  });
}

/** GET /common/discovery/instance?api-version=1.1&authorization_endpoint=... */
export function instanceDiscovery(req: FakeRequest, ctx: FakeContext): FakeResponse {
  const host = new URL(ctx.origin).host;
  const endpoint = req.query.get("authorization_endpoint");
  const tenant = endpoint ? (new URL(endpoint).pathname.split("/")[1] ?? ctx.tenantId) : ctx.tenantId;
  return identityJson(200, {
    tenant_discovery_endpoint: `${ctx.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

/** Client id and secret from the form, or from HTTP Basic (client_secret_basic). */
function clientCredentials(req: FakeRequest, form: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ""));
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id: id ?? null, secret: secret ?? null };
  }
  return { id: form.get("client_id"), secret: form.get("client_secret") };
}

/** POST /{tenant}/oauth2/v2.0/token: client_credentials only. */
export function token(req: FakeRequest, ctx: FakeContext, tenant: string): FakeResponse {
  if (tenant.toLowerCase() !== ctx.tenantId.toLowerCase()) return unknownTenant(req, ctx, tenant);
  const form = new URLSearchParams(req.body);
  const grant = form.get("grant_type");
  if (grant !== "client_credentials") {
    return identityError(req, ctx, 400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`);
  }
  const client = clientCredentials(req, form);
  if (client.id !== ctx.clientId) {
    return identityError(req, ctx, 400, "unauthorized_client", 700016, `Application with identifier '${client.id}' was not found in the directory '${tenant}'.`);
  }
  if (client.secret !== ctx.clientSecret) {
    return identityError(req, ctx, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
  }
  const scopes = (form.get("scope") ?? "").split(" ").filter((s) => s && !OIDC_SCOPES.has(s));
  if (scopes.length !== 1 || scopes[0] !== GRAPH_DEFAULT_SCOPE) {
    return identityError(req, ctx, 400, "invalid_scope", 1002012, `The provided value for scope ${form.get("scope")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const nowSeconds = Math.floor(ctx.now() / 1000);
  const expiresIn = ctx.tokenLifetimeSeconds;
  // Shaped like Entra's v1 app tokens; nobody verifies the signature, Graph checks the map.
  const accessToken = [
    base64url({ typ: "JWT", alg: "RS256", kid: "fake-graph" }),
    base64url({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${ctx.tenantId}/`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + expiresIn,
      appid: ctx.clientId,
      roles: ["Calendars.ReadWrite", "Mail.Send"],
      tid: ctx.tenantId,
      ver: "1.0",
    }),
    randomBytes(32).toString("base64url"),
  ].join(".");
  ctx.state.tokens.set(accessToken, ctx.now() + expiresIn * 1000);
  return identityJson(200, { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: accessToken });
}
