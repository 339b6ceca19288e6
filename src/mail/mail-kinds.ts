/** Every kind of message, each a key part: (consultation, kind, recipient, round). */
export const MAIL_KINDS = [
  "request",
  "confirmed",
  "closed",
  "reminder.answer",
  "reminder.answer.group",
  "reminder.session",
  "evaluation.request",
  "evaluation.reminder",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const isMailKind = (k: string): k is MailKind => (MAIL_KINDS as readonly string[]).includes(k);

export function messageKey(m: { consultationId: string; kind: MailKind; recipientId: string; round: number }): string {
  return `${m.consultationId}:${m.kind}:${m.recipientId}:${m.round}`;
}

/** The SMTP Message-ID of a key: the same message on every attempt, so a resend is recognisably one. */
export async function messageIdOf(key: string, publicBaseUrl: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  const hex = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex}@${new URL(publicBaseUrl).hostname}`;
}
