/**
 * Which consumer acts on which event. Each row makes one delivery record (outbox row, kind =
 * consumer) per matching event, in the same batch as the event. `needsMeeting`: only when the
 * consultation was ever confirmed, so there can be a meeting to move or cancel.
 * Webhooks are not listed: they fan out to the endpoints registered for each event type.
 */
export interface Subscription {
  consumer: ConsumerName;
  type: string;
  needsMeeting?: boolean;
}

export type ConsumerName = "meeting.sync" | "mail";

export const SUBSCRIPTIONS: readonly Subscription[] = [
  { consumer: "meeting.sync", type: "consultation.confirmed" },
  { consumer: "meeting.sync", type: "consultation.counter_accepted" },
  { consumer: "meeting.sync", type: "consultation.declined", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.cancelled", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.expired", needsMeeting: true },
  // Mail (src/mail): who is told what is worked out per event; reminders are recorded as due later.
  { consumer: "mail", type: "consultation.requested" },
  { consumer: "mail", type: "consultation.rescheduled" },
  { consumer: "mail", type: "consultation.confirmed" },
  { consumer: "mail", type: "consultation.declined" },
  { consumer: "mail", type: "consultation.cancelled" },
  { consumer: "mail", type: "consultation.expired" },
  { consumer: "mail", type: "consultation.held" },
];
