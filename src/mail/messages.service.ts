import { consultationExists } from "../consultations/consultations.repo.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { listMessages, retryFailedMessage } from "./mail.repo.js";
import type { MailKind } from "./mail-kinds.js";

type MessagesDeps = Pick<Deps, "db" | "clock">;
type Listed = Awaited<ReturnType<typeof listMessages>>[number];

/** A message as the coordinator sees it: when it is tried next only while pending, no reason once sent. */
const shown = (m: Listed) => ({
  ...m,
  kind: m.kind as MailKind,
  nextAttemptAt: m.status === "pending" ? m.nextAttemptAt : null,
  reason: m.status === "sent" ? null : m.reason,
});
export type SentMessage = ReturnType<typeof shown>;

/** What was sent, or is due, for a consultation (never the text). */
export async function consultationMessages(deps: MessagesDeps, consultationId: string): Promise<Result<SentMessage[]>> {
  if (!(await consultationExists(deps.db, consultationId))) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  return ok((await listMessages(deps.db, consultationId)).map(shown));
}

/**
 * A failed message back to pending with a fresh attempt budget; the background tick (or the
 * Workers cron) sends it if it is still wanted then. Only a failed message can be retried.
 */
export async function retryMessage(deps: MessagesDeps, consultationId: string, messageId: string): Promise<Result<SentMessage>> {
  const queued = await retryFailedMessage(deps.db, consultationId, messageId, deps.clock.now().toISOString());
  const known = (await listMessages(deps.db, consultationId)).find((m) => m.id === messageId);
  if (!known) return fail("NOT_FOUND", `No message ${messageId} for consultation ${consultationId}`);
  if (!queued) return fail("CONFLICT", `The message is ${known.status}, not failed`);
  return ok(shown(known));
}
