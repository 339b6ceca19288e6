import type { Deps } from "../deps.js";
import { actorOf, principalForToken } from "../lib/auth.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import { checkLimit, countEvent, countTowards, type LimitDecision } from "../rate-limit/rate-limiter.js";
import { recordSecurityEvent, type SignInMethod } from "../security-events/security-events.service.js";
import type { Audience, SessionSubject } from "../sessions/sessions.service.js";
import { personByEmail, subjectOf } from "./people.js";
import { findLiveEmailLink, insertEmailLink, useEmailLink } from "./sign-in.repo.js";

type SignInDeps = Pick<Deps, "db" | "clock" | "config" | "log" | "mailer">;

const LINK_MS = 15 * 60_000;

export type SignInRefusal = "unknown" | "wrong-role" | "link" | "flow" | "refused";

/** Before any sign-in attempt: too many failures from this address answer 429 without trying. */
export const signInLimit = (deps: SignInDeps, address: string): Promise<LimitDecision> =>
  checkLimit(deps, "signInFailures", [{ address }]);

/** Every failed sign-in, whatever the method, counts against the address and is recorded. */
export async function signInFailed(deps: SignInDeps, method: SignInMethod, address: string, reason: SignInRefusal, audience: Audience | null) {
  await countTowards(deps, "signInFailures", [{ address }]);
  await recordSecurityEvent(deps, { kind: "sign_in.failed", method, detail: { reason, ...(audience ? { audience } : {}) } });
}

export async function signInSucceeded(deps: SignInDeps, subject: SessionSubject) {
  const actor =
    subject.role === "member"
      ? { actorType: "member", actorId: subject.memberId }
      : actorOf({ role: "coordinator", tokenId: subject.tokenId, actorId: subject.coordinatorKey });
  await recordSecurityEvent(deps, { kind: "sign_in.succeeded", method: subject.method, actor, detail: { audience: subject.role } });
}

/** The token form: a valid API token of this audience opens a session (the cookie never holds the token). */
export async function subjectForToken(
  deps: SignInDeps,
  audience: Audience,
  token: string,
): Promise<{ ok: true; subject: SessionSubject } | { ok: false; reason: "unknown" | "wrong-role" }> {
  const principal = await principalForToken(deps, token.trim());
  if (!principal) return { ok: false, reason: "unknown" };
  if (principal.role !== audience) return { ok: false, reason: "wrong-role" };
  const subject: SessionSubject =
    principal.role === "member"
      ? { role: "member", memberId: principal.memberId, tokenId: principal.tokenId, method: "token" }
      : { role: "coordinator", tokenId: principal.tokenId, method: "token" };
  return { ok: true, subject };
}

/** E-mail links are offered only where the service can send mail itself. */
export const emailLinksAvailable = (deps: Pick<Deps, "mailer">) => deps.mailer.canSend;

/**
 * Asks for a sign-in link. The answer is the same whether or not the address is known (only
 * the limits can refuse, and they count known and unknown addresses alike); the mail goes out
 * through `later`, so the answer does not take longer for a known address either.
 */
export async function requestEmailLink(
  deps: SignInDeps,
  input: { audience: Audience; email: string; address: string; mail: { subject: string; body: (link: string) => string } },
  later: (work: Promise<unknown>) => void,
): Promise<LimitDecision> {
  const byClient = await countEvent(deps, "emailLinks", [{ address: input.address }]);
  const byRecipient = await countEvent(deps, "emailLinksPerRecipient", [{ identity: input.email }]);
  if (byClient.limited) return byClient;
  if (byRecipient.limited) return byRecipient;
  if (!deps.mailer.canSend) return { limited: false };
  const person = await personByEmail(deps, input.audience, input.email);
  if (!person) return { limited: false };
  const secret = newSecret("smr_l");
  const now = deps.clock.now();
  await insertEmailLink(deps.db, {
    secretHash: await hashSecret(secret),
    role: person.role,
    memberId: person.role === "member" ? person.memberId : null,
    coordinatorKey: person.role === "coordinator" ? person.coordinatorKey : null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LINK_MS).toISOString(),
    usedAt: null,
  });
  const link = `${deps.config.publicBaseUrl}/auth/email/${secret}`;
  later(
    deps.mailer
      .send({ to: { name: "", email: input.email.trim().toLowerCase() }, subject: input.mail.subject, body: input.mail.body(link) })
      .catch((err: unknown) => deps.log.error("sign-in link not sent", { error: err instanceof Error ? err.name : "unknown" })),
  );
  return { limited: false };
}

const isLinkSecret = (s: string) => /^smr_l_[\w-]{43}$/.test(s);

/** Whether the link would still sign in (the page asks for a press of a button before it is used). */
export async function emailLinkIsLive(deps: SignInDeps, secret: string): Promise<Audience | null> {
  if (!isLinkSecret(secret)) return null;
  const row = await findLiveEmailLink(deps.db, await hashSecret(secret), deps.clock.now().toISOString());
  return row?.role ?? null;
}

/** Uses the link once: of two presses at once exactly one signs in. */
export async function useSignInLink(deps: SignInDeps, secret: string): Promise<SessionSubject | null> {
  if (!isLinkSecret(secret)) return null;
  const row = await useEmailLink(deps.db, await hashSecret(secret), deps.clock.now().toISOString());
  if (!row) return null;
  if (row.role === "member" && row.memberId) return subjectOf({ role: "member", memberId: row.memberId }, "email");
  if (row.role === "coordinator" && row.coordinatorKey && deps.config.signIn.coordinatorEmails.includes(row.coordinatorKey)) {
    return subjectOf({ role: "coordinator", coordinatorKey: row.coordinatorKey }, "email");
  }
  return null;
}
