import type { RateLimit, SignInSettings } from "../config.js";
import type { Deps } from "../deps.js";
import { hashSecret } from "../lib/secrets.js";
import { recordSecurityEvent } from "../security-events/security-events.service.js";
import { countInWindow, countSoFar } from "./rate-limit.repo.js";

export type LimitName = keyof SignInSettings["rateLimits"];

/** Who is counted: a client address, or an identity such as the e-mail address asked for. */
export type LimitSubject = { address: string } | { identity: string };

export type LimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

type LimitDeps = Pick<Deps, "db" | "clock" | "config" | "log">;

function windowOf(rule: RateLimit, nowMs: number) {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(nowMs / windowMs) * windowMs;
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - nowMs) / 1000)) };
}

// Addresses and e-mail addresses are personal data: the counter table keeps only a hash.
const keyOf = (name: LimitName, subject: LimitSubject) =>
  hashSecret("address" in subject ? `${name}|a|${subject.address}` : `${name}|i|${subject.identity.toLowerCase()}`);

const subjectKind = (s: LimitSubject) => ("address" in s ? "address" : "identity");

/**
 * For limits on failures: is any of the subjects already over the limit? Reads only; call
 * countTowards() when the attempt fails, so successful use never counts.
 */
export async function checkLimit(deps: LimitDeps, name: LimitName, subjects: LimitSubject[]): Promise<LimitDecision> {
  const rule = deps.config.signIn.rateLimits[name];
  const w = windowOf(rule, deps.clock.now().getTime());
  for (const subject of subjects) {
    if ((await countSoFar(deps.db, await keyOf(name, subject), w.start)) >= rule.limit) {
      return { limited: true, retryAfterSeconds: w.retryAfterSeconds };
    }
  }
  return { limited: false };
}

/**
 * Counts one event for each subject and says whether it went over the limit. Used directly for
 * limits on use (e-mail links, feedback) and after a failure for limits on failures. The first
 * event over the limit in a window is recorded as a security event; the rest are not, so a
 * flood cannot flood the log too.
 */
export async function countEvent(deps: LimitDeps, name: LimitName, subjects: LimitSubject[]): Promise<LimitDecision> {
  return count(deps, name, subjects, 1);
}

/** Counts a failed attempt (or a sent form); once the limit is reached, checkLimit() refuses the next ones. */
export async function countTowards(deps: LimitDeps, name: LimitName, subjects: LimitSubject[]): Promise<void> {
  await count(deps, name, subjects, 0);
}

async function count(deps: LimitDeps, name: LimitName, subjects: LimitSubject[], allowance: 0 | 1): Promise<LimitDecision> {
  const rule = deps.config.signIn.rateLimits[name];
  const w = windowOf(rule, deps.clock.now().getTime());
  let limited = false;
  for (const subject of subjects) {
    const count = await countInWindow(deps.db, await keyOf(name, subject), w.start);
    if (count > rule.limit) limited = true;
    if (count === rule.limit + allowance) {
      await recordSecurityEvent(deps, { kind: "rate_limit.exceeded", detail: { limit: name, by: subjectKind(subject) } });
    }
  }
  return limited ? { limited: true, retryAfterSeconds: w.retryAfterSeconds } : { limited: false };
}
