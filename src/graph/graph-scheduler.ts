import type { DateTimeTimeZone, Event } from "@microsoft/microsoft-graph-types";
import type { MeetingRef, MeetingRequest, Scheduler } from "../meetings/scheduler.js";
import type { GraphApi } from "./graph-client.js";
import { GraphRequestError } from "./graph-errors.js";

/**
 * Graph's create-event de-duplication key. The same consultation always gives the same
 * key, so a create retried after a lost answer returns the first event, not a second one.
 */
export function transactionIdFor(consultationId: string): string {
  return `samrad-${consultationId}`;
}

/**
 * Teams meetings as calendar events in the organiser's mailbox: create once, move with
 * PATCH on the same event (the join link stays), cancel with /cancel (attendees are told).
 */
export class GraphScheduler implements Scheduler {
  readonly provider = "graph" as const;

  constructor(private readonly graph: GraphApi) {}

  async createMeeting(request: MeetingRequest): Promise<MeetingRef> {
    const event: Event = {
      ...eventFields(request),
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      transactionId: transactionIdFor(request.consultationId),
      // The booking flow owns the time; proposals from attendees would bypass it.
      allowNewTimeProposals: false,
    };
    const created = await this.graph.call<Event>("create meeting", (api) =>
      api(`${this.graph.mailboxPath}/events`)
        // Times in the answer in UTC, so that they can be compared with the request below.
        .header("Prefer", 'outlook.timezone="UTC"')
        .post(event),
    );
    if (!created.id || !created.iCalUId) {
      throw unexpected("create meeting", "the created event has no id or iCalUId");
    }
    const ref: MeetingRef = {
      provider: "graph",
      externalId: created.id,
      iCalUId: created.iCalUId,
      joinUrl: created.onlineMeeting?.joinUrl ?? null,
    };
    // A transactionId Graph has seen returns the event the earlier attempt made, as it was
    // then: if that attempt's answer was lost and the time changed since, move the event.
    if (instantOf(created.start) !== Date.parse(request.start) || instantOf(created.end) !== Date.parse(request.end)) {
      return this.updateMeeting(ref, request);
    }
    return ref;
  }

  async updateMeeting(ref: MeetingRef, request: MeetingRequest): Promise<MeetingRef> {
    // Graph keeps the iCalendar SEQUENCE itself, so request.sequence is not sent.
    const updated = await this.graph.call<Event>("update meeting", (api) =>
      api(this.eventPath(ref)).patch(eventFields(request)),
    );
    return {
      provider: "graph",
      externalId: ref.externalId,
      iCalUId: updated.iCalUId ?? ref.iCalUId,
      joinUrl: updated.onlineMeeting?.joinUrl ?? ref.joinUrl,
    };
  }

  async cancelMeeting(ref: MeetingRef, reason: string): Promise<void> {
    try {
      await this.graph.call("cancel meeting", (api) =>
        api(`${this.eventPath(ref)}/cancel`).post({ comment: reason }),
      );
    } catch (error) {
      // Graph removes a cancelled event, so a repeated cancel finds nothing: already done.
      if (error instanceof GraphRequestError && error.status === 404) return;
      throw error;
    }
  }

  private eventPath(ref: MeetingRef): string {
    if (ref.provider !== "graph") throw new Error(`GraphScheduler cannot handle a ${ref.provider} meeting`);
    return `${this.graph.mailboxPath}/events/${encodeURIComponent(ref.externalId)}`;
  }
}

/** The fields a create and an update both send. */
function eventFields(request: MeetingRequest): Event {
  return {
    subject: request.subject,
    body: { contentType: "text", content: request.body },
    start: utcDateTime(request.start),
    end: utcDateTime(request.end),
    attendees: request.attendees.map((attendee) => ({
      type: "required",
      emailAddress: { name: attendee.name, address: attendee.email },
    })),
  };
}

/**
 * Always UTC: Graph rejects the IANA names of the Nordic zones (Europe/Helsinki,
 * Europe/Stockholm, ...), and the attendee's Outlook shows the time in their own zone anyway.
 */
export function utcDateTime(instant: string): DateTimeTimeZone {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(instant)) throw new RangeError(`not a UTC instant: ${instant}`);
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a UTC instant: ${instant}`);
  // Graph reads dateTime as wall-clock time in timeZone, so it goes without the Z.
  return { dateTime: date.toISOString().slice(0, 19), timeZone: "UTC" };
}

/** Epoch ms of a dateTimeTimeZone Graph returned in UTC; NaN for anything else (treated as different). */
function instantOf(value: DateTimeTimeZone | null | undefined): number {
  if (!value?.dateTime || value.timeZone?.toUpperCase() !== "UTC") return Number.NaN;
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,3})?\d*$/.exec(value.dateTime);
  return match ? Date.parse(`${match[1]}${match[2] ?? ""}Z`) : Number.NaN;
}

function unexpected(operation: string, message: string): GraphRequestError {
  return new GraphRequestError({ operation, status: null, code: "UnexpectedResponse", message, retryable: false });
}
