import * as oidc from "openid-client";
import type { SignInSettings } from "../config.js";
import type { Deps } from "../deps.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import type { Audience, SessionSubject } from "../sessions/sessions.service.js";
import { personByEmail, subjectOf, type Person } from "./people.js";
import { findIdentity, insertOidcFlow, linkIdentity, takeOidcFlow } from "./sign-in.repo.js";

type OidcSettings = NonNullable<SignInSettings["oidc"]>;
type OidcDeps = Pick<Deps, "db" | "clock" | "config" | "log">;

/** The scopes Entra needs for the claims we match on; the README tells the operator the same. */
export const OIDC_SCOPES = "openid profile email";
const FLOW_MS = 10 * 60_000;

// Discovery once per process (or isolate) and provider; a failed discovery is retried next time.
const configurations = new Map<string, Promise<oidc.Configuration>>();

/** Plain http is allowed only for a provider on this machine (the tests' provider). */
function isLoopback(url: URL) {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function configurationFor(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  let config = configurations.get(key);
  if (!config) {
    const issuer = new URL(s.issuer);
    config = oidc.discovery(issuer, s.clientId, s.clientSecret, undefined, isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined);
    config.catch(() => configurations.delete(key));
    configurations.set(key, config);
  }
  return config;
}

export const oidcRedirectUri = (deps: Pick<Deps, "config">) => `${deps.config.publicBaseUrl}/auth/oidc/callback`;

/**
 * Starts an authorization code flow with PKCE, state and nonce. The browser keeps `flowKey` in
 * a cookie; it is also the PKCE verifier, so the verifier is never stored, only its hash (which
 * finds the flow again). The flow works once and for ten minutes.
 */
export async function startOidcSignIn(deps: OidcDeps, audience: Audience): Promise<{ redirectTo: string; flowKey: string; maxAgeSeconds: number }> {
  const settings = deps.config.signIn.oidc;
  if (!settings) throw new Error("startOidcSignIn without OIDC settings");
  const config = await configurationFor(settings);
  const flowKey = newSecret("smr_f");
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await insertOidcFlow(deps.db, {
    keyHash: await hashSecret(flowKey),
    state,
    nonce,
    audience,
    expiresAt: new Date(deps.clock.now().getTime() + FLOW_MS).toISOString(),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(deps),
    scope: OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(flowKey),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { redirectTo: url.href, flowKey, maxAgeSeconds: FLOW_MS / 1000 };
}

export type OidcOutcome =
  | { ok: true; audience: Audience; subject: SessionSubject }
  /** flow: no or an expired flow for this browser; refused: the provider's answer did not check out; unknown: not a person we know. */
  | { ok: false; reason: "flow" | "refused" | "unknown"; audience: Audience | null };

/**
 * Finishes the flow: openid-client checks state, the code exchange with PKCE, and the ID token
 * (signature, issuer, audience, expiry, nonce). Then the person is found by the linked stable
 * id, or by verified e-mail, and linked for next time.
 */
export async function finishOidcSignIn(deps: OidcDeps, flowKey: string | undefined, callbackUrl: URL): Promise<OidcOutcome> {
  const settings = deps.config.signIn.oidc;
  if (!settings || !flowKey) return { ok: false, reason: "flow", audience: null };
  const flow = await takeOidcFlow(deps.db, await hashSecret(flowKey), deps.clock.now().toISOString());
  if (!flow) return { ok: false, reason: "flow", audience: null };
  let claims: oidc.IDToken;
  try {
    const config = await configurationFor(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flowKey,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { ok: false, reason: "refused", audience: flow.audience };
    claims = idClaims;
  } catch (err) {
    // Codes only: the provider's message can echo parameters.
    deps.log.warn("openid connect sign-in refused", { error: err instanceof Error ? err.name : "unknown", code: (err as { code?: string }).code });
    return { ok: false, reason: "refused", audience: flow.audience };
  }
  const person = await personFor(deps, flow.audience, claims, settings);
  if (!person) return { ok: false, reason: "unknown", audience: flow.audience };
  return { ok: true, audience: flow.audience, subject: subjectOf(person, "oidc") };
}

/** Entra's object id is stable across apps within the tenant; sub is per app. Prefer tid:oid. */
function stableSubject(claims: oidc.IDToken): string {
  const { tid, oid } = claims as { tid?: unknown; oid?: unknown };
  return typeof tid === "string" && typeof oid === "string" ? `${tid}:${oid}` : claims.sub;
}

/**
 * The address counts as verified when the ID token says so, or when it comes from the one
 * tenant the issuer names (Entra sends no email_verified; in a single-tenant app the address
 * is the organisation's own directory entry, which its administrators keep).
 */
export function verifiedEmail(claims: oidc.IDToken, issuer: string): string | null {
  const c = claims as { email?: unknown; email_verified?: unknown; tid?: unknown; preferred_username?: unknown };
  const email = typeof c.email === "string" && c.email.includes("@") ? c.email : null;
  if (c.email_verified === true) return email;
  if (c.email_verified === false) return null;
  const singleTenant = typeof c.tid === "string" && c.tid.length > 0 && issuer.includes(`/${c.tid}/`);
  if (!singleTenant) return null;
  if (email) return email;
  return typeof c.preferred_username === "string" && c.preferred_username.includes("@") ? c.preferred_username : null;
}

async function personFor(deps: OidcDeps, audience: Audience, claims: oidc.IDToken, settings: OidcSettings): Promise<Person | null> {
  const subject = stableSubject(claims);
  const linked = await findIdentity(deps.db, claims.iss, subject, audience);
  if (linked?.memberId) return { role: "member", memberId: linked.memberId };
  if (linked?.coordinatorKey && deps.config.signIn.coordinatorEmails.includes(linked.coordinatorKey)) {
    return { role: "coordinator", coordinatorKey: linked.coordinatorKey };
  }
  const email = verifiedEmail(claims, settings.issuer.endsWith("/") ? settings.issuer : `${settings.issuer}/`);
  if (!email) return null;
  const person = await personByEmail(deps, audience, email);
  if (!person) return null;
  await linkIdentity(deps.db, {
    issuer: claims.iss,
    subject,
    role: person.role,
    memberId: person.role === "member" ? person.memberId : null,
    coordinatorKey: person.role === "coordinator" ? person.coordinatorKey : null,
    linkedAt: deps.clock.now().toISOString(),
  });
  return person;
}
