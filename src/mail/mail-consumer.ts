import type { Deps } from "../deps.js";
import { loadMailContext } from "./mail-context.js";
import { planMail } from "./mail-plan.js";
import { recordMessages } from "./mail.repo.js";

/**
 * The mail consumer of lifecycle events: works out who is told what for one event and records
 * each message under its key. Recording twice (a retried delivery) changes nothing; sending is
 * the job of sendDueMail, right after the transition (effects.settle) and on every background tick.
 */
export async function planMailForEvent(deps: Pick<Deps, "db" | "mailer" | "clock">, eventId: number | null): Promise<void> {
  if (!deps.mailer.canSend || eventId === null) return;
  const event = await deps.db.selectFrom("consultation_events").select(["consultationId", "type", "fromStatus", "at"]).where("id", "=", eventId).executeTakeFirst();
  if (!event) return;
  const ctx = await loadMailContext(deps.db, event.consultationId);
  if (!ctx) return;
  const now = deps.clock.now();
  const plan = planMail(ctx, { type: event.type, fromStatus: event.fromStatus, at: new Date(event.at) }, now);
  await recordMessages(
    deps.db,
    ctx.consultationId,
    plan.map((p) => ({ kind: p.kind, recipientRole: p.to.role, recipientId: p.to.id, round: p.round, dueAt: p.dueAt.toISOString() })),
    now.toISOString(),
  );
}
