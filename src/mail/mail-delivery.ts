import type { Deps } from "../deps.js";
import { expertLinkUrl } from "../expert-access/expert-links.repo.js";
import { organizerOf } from "../meetings/meetings.service.js";
import { mailboxSlots, nextDelayMs } from "../outbox/outbox.processor.js";
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

/**
 * Why a send failed, as a code that is safe to store, log and show the coordinator: the SMTP
 * reply code or Graph's status and error code, never the server's text (it may quote an address).
 */
export function mailErrorCode(err: unknown): string {
  if (!(err instanceof Error)) return "error";
  if (/^SMTP \w{1,20}$/.test(err.message)) return err.message;
  const { status, code } = err as { status?: unknown; code?: unknown };
  if (err.name === "GraphRequestError") return `Graph ${typeof status === "number" ? status : "no answer"}${typeof code === "string" && /^[\w.-]{1,60}$/.test(code) ? ` ${code}` : ""}`;
  return err.name;
}

async function deliverOne(deps: MailDeps, row: MailRow): Promise<Outcome> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ctx = await loadMailContext(deps.db, row.consultationId);
  const to = ctx ? recipientOf(ctx, row.recipientRole, row.recipientId) : undefined;
  if (!ctx || !to || !isMailKind(row.kind)) {
    await markMessage(deps.db, row.id, at, { status: "skipped", error: "recipient gone" });
    return "skipped";
  }
  const wanted = stillWanted(row.kind, row.round, ctx, to, now);
  if (wanted === "skip") {
    await markMessage(deps.db, row.id, at, { status: "skipped", error: "no longer wanted" });
    return "skipped";
  }
  if (wanted === "wait") {
    await markMessage(deps.db, row.id, at, { status: "pending", nextAttemptAt: at, refundAttempt: true, error: "waiting for the meeting" });
    return "wait";
  }
  try {
    const link = await linkFor(deps, ctx, to);
    if (to.role === "expert" && row.kind === "request" && !link) {
      await markMessage(deps.db, row.id, at, { status: "skipped", error: "no sealed link" });
      return "skipped";
    }
    const mail = await composeMail({ kind: row.kind, ctx, to, link, now, publicBaseUrl: deps.config.publicBaseUrl, organizer: (d) => organizerOf(deps, d), db: deps.db });
    const outgoing = { ...mail, messageId: await messageIdOf(row.messageKey, deps.config.publicBaseUrl) };
    // Graph mail goes from the organiser mailbox, which the calendar calls share (4 at a time).
    await (deps.mailer.provider === "graph" ? mailboxSlots.run(() => deps.mailer.send(outgoing)) : deps.mailer.send(outgoing));
    await markMessage(deps.db, row.id, deps.clock.now().toISOString(), { status: "sent" });
    deps.log.info("mail sent", { consultationId: row.consultationId, kind: row.kind, recipientRole: row.recipientRole, attempts: row.attempts });
    return "sent";
  } catch (err) {
    const error = mailErrorCode(err);
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
