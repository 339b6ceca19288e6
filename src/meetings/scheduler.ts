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

/** A message to send on the organiser's behalf. */
export interface OutgoingMail {
  to: Attendee;
  subject: string;
  /** Plain text. */
  body: string;
  /** The same message as HTML (with lang, headings and links), when there is one. */
  html?: string;
  /** The reader's language, for the Content-Language header. */
  language?: string;
  /** A stable Message-ID (without angle brackets) derived from the message key: a resend is the same message. */
  messageId?: string;
  /** An invitation to attach as text/calendar, so the reader's calendar adds, moves or removes the meeting. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

export interface Mailer {
  /** false when the service cannot send mail itself: the API returns the text instead. */
  readonly canSend: boolean;
  /** Which way mail goes out, for the start line and the pages. */
  readonly provider: "none" | "smtp" | "graph";
  send(mail: OutgoingMail): Promise<void>;
}
