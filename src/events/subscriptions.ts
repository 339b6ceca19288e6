/**
 * Which consumer acts on which event. Each row makes one delivery record (outbox row, kind =
 * consumer) per matching event, in the same batch as the event. `needsMeeting`: only when the
 * consultation was ever confirmed, so there can be a meeting to move or cancel. `needsMailer`:
 * only when this deployment can send mail; without a mailer a record would be work for nothing
 * (the consumer would find nothing to do), and pending work keeps the request path busy.
 * Webhooks are not listed: they fan out to the endpoints registered for each event type.
 */
export interface Subscription {
  consumer: ConsumerName;
  type: string;
  needsMeeting?: boolean;
  needsMailer?: boolean;
}

export type ConsumerName = "meeting.sync" | "mail";

export const SUBSCRIPTIONS: readonly Subscription[] = [
  { consumer: "meeting.sync", type: "consultation.confirmed" },
  { consumer: "meeting.sync", type: "consultation.counter_accepted" },
  { consumer: "meeting.sync", type: "consultation.declined", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.cancelled", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.expired", needsMeeting: true },
  // Mail (src/mail): who is told what is worked out per event; reminders are recorded as due later.
  { consumer: "mail", type: "consultation.requested", needsMailer: true },
  { consumer: "mail", type: "consultation.rescheduled", needsMailer: true },
  { consumer: "mail", type: "consultation.confirmed", needsMailer: true },
  { consumer: "mail", type: "consultation.declined", needsMailer: true },
  { consumer: "mail", type: "consultation.cancelled", needsMailer: true },
  { consumer: "mail", type: "consultation.expired", needsMailer: true },
  { consumer: "mail", type: "consultation.held", needsMailer: true },
];

/** What the deployment can do, as far as subscriptions care. */
export interface Capabilities {
  mailer: boolean;
}

/** Every capability: the data layer's view when no deployment is named (tests of the writes). */
export const ALL_CAPABILITIES: Capabilities = { mailer: true };

/** The subscriptions to one event type that this deployment can serve. */
export function subscriptionsTo(type: string, can: Capabilities): Subscription[] {
  return SUBSCRIPTIONS.filter((s) => s.type === type && (!s.needsMailer || can.mailer));
}
