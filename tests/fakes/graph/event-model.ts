import type { IncomingHttpHeaders } from "node:http";
import type { StoredAttendee, StoredEvent } from "./state.js";
import { formatDateTimeTimeZone, parseDateTimeTimeZone, preferredZone, prefersTextBody } from "./time-zones.js";

/** Writable event properties the fake understands; any other one is refused, as Graph does. */
export const EVENT_PROPERTIES = new Set([
  "subject", "body", "start", "end", "attendees", "isOnlineMeeting", "onlineMeetingProvider",
  "transactionId", "allowNewTimeProposals", "location", "locations", "isReminderOn",
  "reminderMinutesBeforeStart", "showAs", "importance", "sensitivity", "categories",
  "responseRequested", "hideAttendees", "isAllDay",
]);

const ATTENDEE_TYPES = new Set(["required", "optional", "resource"]);
const PROVIDERS = new Set(["unknown", "teamsForBusiness", "skypeForBusiness", "skypeForConsumer"]);
const SHOW_AS = new Set(["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"]);

export type EventFields = Partial<
  Pick<
    StoredEvent,
    | "subject" | "body" | "startMs" | "endMs" | "startTimeZone" | "endTimeZone" | "attendees"
    | "isOnlineMeeting" | "onlineMeetingProvider" | "transactionId" | "allowNewTimeProposals" | "showAs"
  >
>;

/** Either the fields to store, or what Graph would say about them (code + message). */
export type Parsed = { ok: true; fields: EventFields } | { ok: false; code: string; message: string };

const failed = (detail: string): Parsed => ({
  ok: false,
  code: "ErrorPropertyValidationFailure",
  message: `At least one property failed validation. [fake Graph: ${detail}]`,
});

/** Reads the fields present in a create or PATCH body; `required` lists those that must be. */
export function parseEventFields(body: Record<string, unknown>, required: string[]): Parsed {
  for (const name of required) if (body[name] === undefined) return failed(`${name} is required`);
  const fields: EventFields = {};
  if (body.subject !== undefined) {
    if (typeof body.subject !== "string") return failed("subject must be a string");
    fields.subject = body.subject;
  }
  if (body.body !== undefined) {
    const b = body.body as { contentType?: unknown; content?: unknown } | null;
    const type = String(b?.contentType ?? "text").toLowerCase();
    if (!b || (type !== "text" && type !== "html") || typeof b.content !== "string") {
      return failed("body must be {contentType: text|html, content: string}");
    }
    fields.body = { contentType: type === "html" ? "html" : "text", content: b.content };
  }
  for (const side of ["start", "end"] as const) {
    if (body[side] === undefined) continue;
    const instant = parseDateTimeTimeZone(body[side], side);
    if (!instant.ok) return instant;
    if (side === "start") Object.assign(fields, { startMs: instant.ms, startTimeZone: instant.zone });
    else Object.assign(fields, { endMs: instant.ms, endTimeZone: instant.zone });
  }
  if (body.attendees !== undefined) {
    const attendees = parseAttendees(body.attendees);
    if (!attendees) return failed("attendees must be [{type, emailAddress: {address, name}}]");
    fields.attendees = attendees;
  }
  if (body.isOnlineMeeting !== undefined) fields.isOnlineMeeting = body.isOnlineMeeting === true;
  if (body.onlineMeetingProvider !== undefined) {
    if (!PROVIDERS.has(String(body.onlineMeetingProvider))) return failed("unknown onlineMeetingProvider");
    fields.onlineMeetingProvider = String(body.onlineMeetingProvider);
  }
  if (body.transactionId !== undefined && body.transactionId !== null) {
    if (typeof body.transactionId !== "string") return failed("transactionId must be a string");
    fields.transactionId = body.transactionId;
  }
  if (body.allowNewTimeProposals !== undefined) fields.allowNewTimeProposals = body.allowNewTimeProposals === true;
  if (body.showAs !== undefined) {
    if (!SHOW_AS.has(String(body.showAs))) return failed("unknown showAs");
    fields.showAs = body.showAs as StoredEvent["showAs"];
  }
  return { ok: true, fields };
}

function parseAttendees(value: unknown): StoredAttendee[] | null {
  if (!Array.isArray(value)) return null;
  const attendees: StoredAttendee[] = [];
  for (const item of value as { type?: unknown; emailAddress?: { address?: unknown; name?: unknown } }[]) {
    const type = String(item?.type ?? "required");
    const address = item?.emailAddress?.address;
    if (!ATTENDEE_TYPES.has(type) || typeof address !== "string" || !address.includes("@")) return null;
    const name = typeof item.emailAddress?.name === "string" ? item.emailAddress.name : address;
    attendees.push({ type: type as StoredAttendee["type"], name, address });
  }
  return attendees;
}

/** What Graph appends to a Teams meeting's body. */
function teamsBlock(joinUrl: string, html: boolean): string {
  const line = "_".repeat(80);
  return html
    ? `<div>${line}</div><div>Microsoft Teams meeting</div><div><a href="${joinUrl}">Join the meeting now</a></div><div>${line}</div>`
    : `\r\n\r\n${line}\r\nMicrosoft Teams meeting\r\nJoin the meeting now: ${joinUrl}\r\n${line}`;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Graph keeps bodies as HTML and answers with HTML unless asked for text; a text body
 * comes back converted. The stored body (what the client sent) stays untouched.
 */
function renderBody(event: StoredEvent, asText: boolean) {
  const source = event.body;
  const text = source.contentType === "text" ? source.content : source.content.replace(/<[^>]*>/g, "");
  if (asText) return { contentType: "text", content: text + (event.joinUrl ? teamsBlock(event.joinUrl, false) : "") };
  const html =
    source.contentType === "html"
      ? source.content
      : `<div>${escapeHtml(source.content).replace(/\r?\n/g, "<br>")}</div>`;
  return {
    contentType: "html",
    content: `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}${
      event.joinUrl ? teamsBlock(event.joinUrl, true) : ""
    }</body>\r\n</html>\r\n`,
  };
}

/** The event as Graph serialises it; times in the Prefer zone or UTC (without Z). */
export function renderEvent(event: StoredEvent, origin: string, headers: IncomingHttpHeaders) {
  const zone = preferredZone(headers);
  const body = renderBody(event, prefersTextBody(headers));
  return {
    "@odata.context": `${origin}/v1.0/$metadata#users('${encodeURIComponent(event.mailbox)}')/events/$entity`,
    "@odata.etag": `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: [],
    transactionId: event.transactionId,
    originalStartTimeZone: event.startTimeZone,
    originalEndTimeZone: event.endTimeZone,
    iCalUId: event.iCalUId,
    uid: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: body.content.replace(/<[^>]*>/g, "").trim().slice(0, 255),
    importance: "normal",
    sensitivity: "normal",
    isAllDay: false,
    isCancelled: event.cancelled !== null,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: event.showAs,
    type: "singleInstance",
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    allowNewTimeProposals: event.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" },
    body,
    start: formatDateTimeTimeZone(event.startMs, zone),
    end: formatDateTimeTimeZone(event.endMs, zone),
    location: { displayName: "", locationType: "default", uniqueIdType: "unknown", address: {}, coordinates: {} },
    locations: [],
    recurrence: null,
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: "none", time: "0001-01-01T00:00:00Z" },
      emailAddress: { name: a.name, address: a.address },
    })),
    organizer: { emailAddress: { name: event.mailbox.split("@")[0], address: event.mailbox } },
    onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
  };
}
