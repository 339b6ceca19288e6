import type { Deps } from "../deps.js";
import type { Member } from "./groups.schemas.js";

/**
 * Tells a new member they can sign in, when the service can send mail: they then sign in with
 * their work e-mail address (a link by mail, or their organisation's Microsoft account), so the
 * coordinator hands over no code. The text comes from the page, in the member's language.
 * False when mail cannot be sent; the caller shows the code instead.
 */
export async function sendSignInInvitation(
  deps: Pick<Deps, "mailer" | "log" | "config">,
  member: Pick<Member, "name" | "email">,
  mail: { subject: string; body: (signInUrl: string) => string },
): Promise<boolean> {
  if (!deps.mailer.canSend) return false;
  try {
    await deps.mailer.send({ to: { name: member.name, email: member.email }, subject: mail.subject, body: mail.body(`${deps.config.publicBaseUrl}/app/login`) });
    return true;
  } catch (err) {
    // Never the address: the error's kind is enough to look for the cause.
    deps.log.error("sign-in invitation not sent", { error: err instanceof Error ? err.name : "unknown" });
    return false;
  }
}
