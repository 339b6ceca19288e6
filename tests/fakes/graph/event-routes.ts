import { randomBytes, randomUUID } from "node:crypto";
import { EVENT_PROPERTIES, parseEventFields, renderEvent, type EventFields } from "./event-model.js";
import {
  graphEmpty,
  graphError,
  graphJson,
  readJsonObject,
  unknownProperty,
  type FakeContext,
  type FakeRequest,
  type FakeResponse,
  type JsonBody,
} from "./http.js";
import type { StoredEvent } from "./state.js";

/** Graph's DateTimeOffset form: 7 fractional digits and a Z. */
const graphTimestamp = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
const newChangeKey = () => randomBytes(16).toString("base64");

function notFound(req: FakeRequest, ctx: FakeContext): FakeResponse {
  return graphError(req, ctx, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

function invalid(req: FakeRequest, ctx: FakeContext, failure: { code: string; message: string }): FakeResponse {
  return graphError(req, ctx, 400, failure.code, failure.message);
}

/** A live event of this mailbox, or null (cancelled and deleted events are gone to Graph). */
function findEvent(ctx: FakeContext, mailbox: string, id: string): StoredEvent | null {
  const event = ctx.state.events.get(id);
  return event && event.mailbox === mailbox && !event.cancelled && !event.deleted ? event : null;
}

function teamsJoinUrl(ctx: FakeContext): string {
  const thread = encodeURIComponent(`19:meeting_${randomBytes(24).toString("base64url")}@thread.v2`);
  const context = encodeURIComponent(JSON.stringify({ Tid: ctx.tenantId, Oid: randomUUID() }));
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`;
}

function wantsTeams(fields: EventFields): boolean {
  // Without a provider Graph uses the mailbox's default, which is Teams in a Teams tenant.
  return fields.isOnlineMeeting === true && (fields.onlineMeetingProvider ?? "teamsForBusiness") === "teamsForBusiness";
}

/** POST /users/{upn}/events */
export function createEvent(req: FakeRequest, ctx: FakeContext, mailbox: string): FakeResponse {
  const json = readJsonObject(req, ctx);
  if (!json.ok) return json.response;
  const refused = unknownProperty(req, ctx, json.value, EVENT_PROPERTIES, "microsoft.graph.event");
  if (refused) return refused;
  // Graph itself requires only start and end; subject may be absent.
  const parsed = parseEventFields(json.value, ["start", "end"]);
  if (!parsed.ok) return invalid(req, ctx, parsed);
  const fields = parsed.fields;
  if (fields.endMs! < fields.startMs!) {
    return graphError(req, ctx, 400, "ErrorPropertyValidationFailure", "At least one property failed validation. [fake Graph: end is before start]");
  }
  // transactionId: a retried create returns the event the first attempt made.
  if (fields.transactionId) {
    const existing = ctx.state.liveEvents(mailbox).find((e) => e.transactionId === fields.transactionId);
    if (existing) return graphJson(201, renderEvent(existing, ctx.origin, req.headers));
  }
  const now = graphTimestamp(ctx.now());
  const event: StoredEvent = {
    id: `AAMkA${randomBytes(30).toString("base64url")}AAA=`,
    mailbox,
    iCalUId: `040000008200E00074C5B7101A82E00800000000${randomBytes(16).toString("hex").toUpperCase()}`,
    changeKey: newChangeKey(),
    createdDateTime: now,
    lastModifiedDateTime: now,
    transactionId: fields.transactionId ?? null,
    subject: fields.subject ?? "",
    body: fields.body ?? { contentType: "text", content: "" },
    startMs: fields.startMs!,
    endMs: fields.endMs!,
    startTimeZone: fields.startTimeZone!,
    endTimeZone: fields.endTimeZone!,
    attendees: fields.attendees ?? [],
    isOnlineMeeting: fields.isOnlineMeeting ?? false,
    onlineMeetingProvider: fields.isOnlineMeeting ? (fields.onlineMeetingProvider ?? "teamsForBusiness") : "unknown",
    joinUrl: wantsTeams(fields) ? teamsJoinUrl(ctx) : null,
    allowNewTimeProposals: fields.allowNewTimeProposals ?? true,
    showAs: fields.showAs ?? "busy",
    cancelled: null,
    deleted: false,
    patches: [],
  };
  ctx.state.events.set(event.id, event);
  return graphJson(201, renderEvent(event, ctx.origin, req.headers));
}

/** GET /users/{upn}/events/{id} */
export function getEvent(req: FakeRequest, ctx: FakeContext, mailbox: string, id: string): FakeResponse {
  const event = findEvent(ctx, mailbox, id);
  return event ? graphJson(200, renderEvent(event, ctx.origin, req.headers)) : notFound(req, ctx);
}

/** GET /users/{upn}/events (no paging: a test calendar is small). */
export function listEvents(req: FakeRequest, ctx: FakeContext, mailbox: string): FakeResponse {
  const value = ctx.state.liveEvents(mailbox).map((event) => {
    const { "@odata.context": _context, ...rest } = renderEvent(event, ctx.origin, req.headers);
    return rest;
  });
  return graphJson(200, {
    "@odata.context": `${ctx.origin}/v1.0/$metadata#users('${encodeURIComponent(mailbox)}')/events`,
    value,
  });
}

/** PATCH /users/{upn}/events/{id}: the online meeting (and its join URL) is kept. */
export function updateEvent(req: FakeRequest, ctx: FakeContext, mailbox: string, id: string): FakeResponse {
  const event = findEvent(ctx, mailbox, id);
  if (!event) return notFound(req, ctx);
  const json = readJsonObject(req, ctx);
  if (!json.ok) return json.response;
  const refused = unknownProperty(req, ctx, json.value, EVENT_PROPERTIES, "microsoft.graph.event");
  if (refused) return refused;
  const parsed = parseEventFields(json.value, []);
  if (!parsed.ok) return invalid(req, ctx, parsed);
  const { transactionId: _ignored, isOnlineMeeting, ...fields } = parsed.fields;
  const merged = { ...event, ...fields };
  if (merged.endMs < merged.startMs) {
    return graphError(req, ctx, 400, "ErrorPropertyValidationFailure", "At least one property failed validation. [fake Graph: end is before start]");
  }
  Object.assign(event, fields);
  if (isOnlineMeeting && !event.isOnlineMeeting) {
    event.isOnlineMeeting = true;
    event.onlineMeetingProvider = fields.onlineMeetingProvider ?? "teamsForBusiness";
    if (event.onlineMeetingProvider === "teamsForBusiness") event.joinUrl = teamsJoinUrl(ctx);
  }
  event.changeKey = newChangeKey();
  event.lastModifiedDateTime = graphTimestamp(ctx.now());
  event.patches.push(json.value);
  return graphJson(200, renderEvent(event, ctx.origin, req.headers));
}

const CANCEL_PROPERTIES = new Set(["comment"]);

/** POST /users/{upn}/events/{id}/cancel: attendees are told; the event leaves the calendar. */
export function cancelEvent(req: FakeRequest, ctx: FakeContext, mailbox: string, id: string): FakeResponse {
  const event = findEvent(ctx, mailbox, id);
  if (!event) return notFound(req, ctx);
  const json: JsonBody = req.body.trim() === "" ? { ok: true, value: {} } : readJsonObject(req, ctx);
  if (!json.ok) return json.response;
  const refused = unknownProperty(req, ctx, json.value, CANCEL_PROPERTIES, "microsoft.graph.event.cancel");
  if (refused) return refused;
  const comment = typeof json.value.comment === "string" ? json.value.comment : "";
  event.cancelled = { atMs: ctx.now(), comment };
  return graphEmpty(202);
}

/** DELETE /users/{upn}/events/{id}: removed without telling attendees. */
export function deleteEvent(req: FakeRequest, ctx: FakeContext, mailbox: string, id: string): FakeResponse {
  const event = findEvent(ctx, mailbox, id);
  if (!event) return notFound(req, ctx);
  event.deleted = true;
  return graphEmpty(204);
}
