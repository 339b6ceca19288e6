import type { FreeBusyStatus } from "@microsoft/microsoft-graph-types";

export interface StoredAttendee {
  type: "required" | "optional" | "resource";
  name: string;
  address: string;
}

/** An event as the fake keeps it: instants in epoch ms, body exactly as the client sent it. */
export interface StoredEvent {
  id: string;
  mailbox: string;
  iCalUId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  transactionId: string | null;
  subject: string;
  body: { contentType: "text" | "html"; content: string };
  startMs: number;
  endMs: number;
  /** The timeZone values the client sent (Graph reports them as originalStart/EndTimeZone). */
  startTimeZone: string;
  endTimeZone: string;
  attendees: StoredAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  joinUrl: string | null;
  allowNewTimeProposals: boolean;
  showAs: FreeBusyStatus;
  /** Set by POST /cancel: Graph then removes the event from the organiser's calendar. */
  cancelled: { atMs: number; comment: string } | null;
  deleted: boolean;
  /** Every PATCH body received, oldest first, for assertions. */
  patches: Record<string, unknown>[];
}

export interface StoredMail {
  mailbox: string;
  subject: string;
  body: { contentType: string; content: string };
  to: { name: string | null; address: string }[];
  /** File attachments, their content decoded from base64 (an invitation is text/calendar). */
  attachments: { name: string; contentType: string; content: string }[];
  /** internetMessageHeaders as sent (custom X- headers). */
  headers: Record<string, string>;
  saveToSentItems: boolean;
  atMs: number;
}

export interface BusyBlock {
  /** UTC ISO instants. */
  start: string;
  end: string;
  status?: FreeBusyStatus;
  subject?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** HTTP status written, or what happened instead. */
  outcome: number | "reset" | "lostAnswer";
  fault: string | null;
  /** The SDK's Retry-Attempt header: 0 for a first attempt. */
  retryAttempt: number;
  clientRequestId: string;
}

/** Everything the fake remembers; tests read it directly and may set busy blocks. */
export class FakeGraphState {
  readonly mailboxes = new Set<string>();
  readonly events = new Map<string, StoredEvent>();
  readonly mails: StoredMail[] = [];
  readonly busy = new Map<string, BusyBlock[]>();
  /** access token -> expiry (epoch ms). */
  readonly tokens = new Map<string, number>();
  readonly requests: RequestRecord[] = [];
  /** Graph requests being served right now, and the most at once (Outlook allows 4 per mailbox). */
  inFlight = 0;
  maxInFlight = 0;

  constructor(mailboxes: string[]) {
    for (const mailbox of mailboxes) this.mailboxes.add(mailbox.toLowerCase());
  }

  /** Events still in a calendar (not cancelled, not deleted), optionally of one mailbox. */
  liveEvents(mailbox?: string): StoredEvent[] {
    return [...this.events.values()].filter(
      (event) => !event.cancelled && !event.deleted && (!mailbox || event.mailbox === mailbox.toLowerCase()),
    );
  }

  /** Every event ever created, cancelled ones included. */
  allEvents(): StoredEvent[] {
    return [...this.events.values()];
  }

  /** Busy blocks for a mailbox's free/busy; the address becomes a known mailbox. */
  setBusy(email: string, blocks: BusyBlock[]): void {
    this.mailboxes.add(email.toLowerCase());
    this.busy.set(email.toLowerCase(), blocks);
  }

  /** POSTs to the token endpoint that arrived: granted, refused or hit by a fault. */
  get tokenRequests(): number {
    return this.requests.filter((r) => r.method === "POST" && r.path.toLowerCase().endsWith("/oauth2/v2.0/token")).length;
  }

  /** Requests to Graph itself (not the identity platform), optionally narrowed. */
  graphRequests(filter: { method?: string; pathIncludes?: string } = {}): RequestRecord[] {
    return this.requests.filter(
      (r) =>
        r.path.startsWith("/v1.0/") &&
        (!filter.method || r.method === filter.method.toUpperCase()) &&
        (!filter.pathIncludes || r.path.includes(filter.pathIncludes)),
    );
  }

  /** Makes every issued token invalid, as a revoked secret or an expiry would. */
  revokeTokens(): void {
    this.tokens.clear();
  }
}
