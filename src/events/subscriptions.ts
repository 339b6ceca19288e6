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

export type ConsumerName = "meeting.sync";

export const SUBSCRIPTIONS: readonly Subscription[] = [
  { consumer: "meeting.sync", type: "consultation.confirmed" },
  { consumer: "meeting.sync", type: "consultation.counter_accepted" },
  { consumer: "meeting.sync", type: "consultation.declined", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.cancelled", needsMeeting: true },
  { consumer: "meeting.sync", type: "consultation.expired", needsMeeting: true },
];
