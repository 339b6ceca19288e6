import type { Deps } from "../deps.js";
import { expertLinkUrl } from "../expert-access/expert-links.repo.js";
import { organizerOf } from "../meetings/meetings.service.js";
import { nextDelayMs } from "../outbox/outbox.processor.js";
import { composeMail } from "./compose.js";
import { loadMailContext, recipientOf, type MailContext, type Recipient } from "./mail-context.js";
import { isMailKind, messageIdOf } from "./mail-kinds.js";
import { stillWanted } from "./mail-plan.js";
import { claimDueMessage, markMessage, type MailRow } from "./mail.repo.js";

export const MAIL_MAX_ATTEMPTS = 10;

type MailDeps = Pick<Deps, "db" | "mailer" | "clock" | "config" | "log" | "sealer">;

/** The recipient's own page. The expert's link is opened from its sealed form only now, for this message. */
async function linkFor(deps: MailDeps, ctx: MailContext, to: Recipient): Promise<string | null> {
  if (to.role === "member") return `${deps.config.publicBaseUrl}/app/consultations/${ctx.consultationId}`;
  if (!ctx.linkSealed) return null;
  return expertLinkUrl(deps.config.publicBaseUrl, await deps.sealer.open(ctx.linkSealed, "expert-link"));
}

type Outcome = "sent" | "skipped" | "wait" | "retry" | "failed";

async function deliverOne(deps: MailDeps, row: MailRow): Promise<Outcome> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ctx = await loadMailContext(deps.db, row.consultationId);
  const to = ctx ? recipientOf(ctx, row.recipientRole, row.recipientId) : undefined;
  if (!ctx || !to || !isMailKind(row.kind)) {
    await markMessage(deps.db, row.id, at, { status: "skipped", error: "recipient or consultation gone" });
    return "skipped";
  }
  const wanted = stillWanted(row.kind, row.round, ctx, to, now);
  if (wanted === "skip") {
    await markMessage(deps.db, row.id, at, { status: "skipped" });
    return "skipped";
  }
  if (wanted === "wait") {
    await markMessage(deps.db, row.id, at, { status: "pending", nextAttemptAt: at, refundAttempt: true });
    return "wait";
  }
  try {
    const link = await linkFor(deps, ctx, to);
    if (to.role === "expert" && row.kind === "request" && !link) {
      await markMessage(deps.db, row.id, at, { status: "skipped", error: "no sealed link" });
      return "skipped";
    }
    const mail = await composeMail({ kind: row.kind, ctx, to, link, now, publicBaseUrl: deps.config.publicBaseUrl, organizer: (d) => organizerOf(deps, d), db: deps.db });
    await deps.mailer.send({ ...mail, messageId: await messageIdOf(row.messageKey, deps.config.publicBaseUrl) });
    await markMessage(deps.db, row.id, deps.clock.now().toISOString(), { status: "sent" });
    deps.log.info("mail sent", { consultationId: row.consultationId, kind: row.kind, recipientRole: row.recipientRole, attempts: row.attempts });
    return "sent";
  } catch (err) {
    // Only the error's name and the SMTP or Graph code: never the message, which may quote an address.
    const error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 120) : "error";
    if (row.attempts >= MAIL_MAX_ATTEMPTS || (err as { retryable?: boolean }).retryable === false || (err as Error).name === "SealError") {
      deps.log.warn("mail failed", { consultationId: row.consultationId, kind: row.kind, attempts: row.attempts, error });
      await markMessage(deps.db, row.id, at, { status: "failed", error });
      return "failed";
    }
    const delay = nextDelayMs(row.attempts, (err as { retryAfterSeconds?: number }).retryAfterSeconds, Math.random);
    deps.log.info("mail will be retried", { consultationId: row.consultationId, kind: row.kind, attempts: row.attempts, delayMs: Math.round(delay) });
    await markMessage(deps.db, row.id, at, { status: "pending", nextAttemptAt: new Date(now.getTime() + delay).toISOString(), error });
    return "retry";
  }
}

/**
 * Sends the messages that are due (of one consultation, or all), each at most once per claim:
 * the claim is a conditional write with a lease, so two processes never send the same row at
 * once, and a sent row is never claimed again. A crash between the server's acceptance and the
 * `sent` mark is the one window in which a message can go twice: it then carries the same
 * Message-ID, so the receiving side sees one message.
 */
export async function sendDueMail(deps: MailDeps, opts: { consultationId?: string; max?: number } = {}): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { sent: 0, skipped: 0, wait: 0, retry: 0, failed: 0 };
  if (!deps.mailer.canSend) return counts;
  const tried: string[] = [];
  for (let i = 0; i < (opts.max ?? 200); i++) {
    const row = await claimDueMessage(deps.db, deps.clock.now().toISOString(), { ...(opts.consultationId ? { consultationId: opts.consultationId } : {}), notIds: tried });
    if (!row) break;
    tried.push(row.id);
    counts[await deliverOne(deps, row)]++;
  }
  return counts;
}
