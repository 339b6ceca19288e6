import nodemailer from "nodemailer";
import type { Mailer, OutgoingMail } from "../meetings/scheduler.js";

/**
 * Mail through an SMTP server (Node only: Workers cannot open SMTP connections, so this file is
 * imported by node-deps.ts, never by build-deps.ts). `smtp://` upgrades with STARTTLS whenever the
 * server offers it; `smtps://` is TLS from the first byte.
 */
export function createSmtpMailer(settings: { url: string; from: string }): Mailer & { close(): void } {
  // Short timeouts: a request that settles its mail must not hang on a silent relay (the defaults
  // wait up to 10 minutes); a timed-out message is retried from the background. mail.repo.ts MAIL_LEASE_MS is longer than these together.
  const transport = nodemailer.createTransport({ url: settings.url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 }, { from: settings.from });
  return {
    canSend: true,
    provider: "smtp",
    async send(mail: OutgoingMail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: { name: mail.to.name, address: mail.to.email },
          subject: mail.subject,
          text: mail.body,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.messageId ? { messageId: `<${mail.messageId}>` } : {}),
          ...(mail.language ? { headers: { "Content-Language": mail.language } } : {}),
          // nodemailer's `icalEvent` makes the text/calendar alternative plus the attachment calendars expect.
          ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: "invite.ics", content: mail.calendar.content } } : {}),
        });
      } catch (err) {
        // Only the code goes on: nodemailer's message may quote the recipient's address.
        // Every failure is retried within the attempt budget, 5xx included: relays answer 5xx for
        // passing trouble too (a full queue, a greylist misconfigured as 550).
        const code = (err as { responseCode?: unknown }).responseCode;
        throw new Error(`SMTP ${typeof code === "number" ? code : ((err as { code?: string }).code ?? "error")}`);
      }
    },
    close: () => transport.close(),
  };
}
