/**
 * The one port through which meetings are made. The ICS implementation is the
 * default; the Microsoft Graph implementation drops in behind the same shape.
 */
export interface Attendee {
  name: string;
  email: string;
}

/** Everything a calendar needs to know to place one consultation. Times are UTC ISO strings with Z. */
export interface MeetingRequest {
  consultationId: string;
  subject: string;
  /** Plain-text body: the brief (challenge and questions) and the consultation's link. */
  body: string;
  start: string;
  end: string;
  attendees: Attendee[];
  /** How many times this consultation's meeting has been (re)scheduled; starts at 0. */
  sequence: number;
}

/** What a calendar returns for a meeting; stored on the consultation. */
export interface MeetingRef {
  provider: "ics" | "graph";
  externalId: string;
  iCalUId: string;
  joinUrl: string | null;
}

export interface Scheduler {
  readonly provider: MeetingRef["provider"];
  createMeeting(request: MeetingRequest): Promise<MeetingRef>;
  /** Moves the same meeting; the join link must stay the same. */
  updateMeeting(ref: MeetingRef, request: MeetingRequest): Promise<MeetingRef>;
  cancelMeeting(ref: MeetingRef, reason: string): Promise<void>;
}

/** A message to send on the organiser's behalf (the brief and link to the expert). */
export interface OutgoingMail {
  to: Attendee;
  subject: string;
  body: string;
}

export interface Mailer {
  /** false when the service cannot send mail itself (ICS mode): the API returns the text instead. */
  readonly canSend: boolean;
  send(mail: OutgoingMail): Promise<void>;
}
