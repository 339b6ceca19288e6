import type { FreeBusyStatus } from "@microsoft/microsoft-graph-types";
import {
  graphEmpty,
  graphError,
  graphJson,
  readJsonObject,
  unknownProperty,
  validationFailure,
  type FakeContext,
  type FakeRequest,
  type FakeResponse,
} from "./http.js";
import { formatDateTimeTimeZone, parseDateTimeTimeZone, preferredZone } from "./time-zones.js";

const SEND_MAIL_PROPERTIES = new Set(["message", "saveToSentItems"]);

type Recipient = { emailAddress?: { address?: unknown; name?: unknown } };

/** POST /users/{upn}/sendMail: 202 and no body; the mail is kept in state.mails. */
export function sendMail(req: FakeRequest, ctx: FakeContext, mailbox: string): FakeResponse {
  const json = readJsonObject(req, ctx);
  if (!json.ok) return json.response;
  const refused = unknownProperty(req, ctx, json.value, SEND_MAIL_PROPERTIES, "microsoft.graph.user.sendMail");
  if (refused) return refused;
  const message = json.value.message as
    | { subject?: unknown; body?: { contentType?: unknown; content?: unknown }; toRecipients?: Recipient[]; attachments?: unknown; internetMessageHeaders?: unknown }
    | undefined;
  if (!message || typeof message !== "object") {
    return graphError(req, ctx, 400, "ErrorInvalidParameter", "The value of the parameter 'Message' is empty.");
  }
  const to = (Array.isArray(message.toRecipients) ? message.toRecipients : []).map((r) => ({
    address: r?.emailAddress?.address,
    name: typeof r?.emailAddress?.name === "string" ? r.emailAddress.name : null,
  }));
  if (to.length === 0 || to.some((r) => typeof r.address !== "string" || !r.address.includes("@"))) {
    return graphError(req, ctx, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
  }
  ctx.state.mails.push({
    mailbox,
    subject: typeof message.subject === "string" ? message.subject : "",
    body: {
      contentType: String(message.body?.contentType ?? "text").toLowerCase(),
      content: typeof message.body?.content === "string" ? message.body.content : "",
    },
    to: to.map((r) => ({ name: r.name, address: r.address as string })),
    attachments: (Array.isArray(message.attachments) ? (message.attachments as { name?: unknown; contentType?: unknown; contentBytes?: unknown }[]) : []).map((a) => ({
      name: String(a?.name ?? ""),
      contentType: String(a?.contentType ?? ""),
      content: Buffer.from(String(a?.contentBytes ?? ""), "base64").toString("utf8"),
    })),
    headers: Object.fromEntries(
      (Array.isArray(message.internetMessageHeaders) ? (message.internetMessageHeaders as { name?: unknown; value?: unknown }[]) : []).map((h) => [String(h?.name ?? ""), String(h?.value ?? "")]),
    ),
    saveToSentItems: json.value.saveToSentItems !== false,
    atMs: ctx.now(),
  });
  return graphEmpty(202);
}

const SCHEDULE_PROPERTIES = new Set(["schedules", "startTime", "endTime", "availabilityViewInterval"]);
/** availabilityView digits, and which status wins when several overlap one slot. */
const VIEW_DIGIT: Record<FreeBusyStatus, string> = {
  free: "0", tentative: "1", busy: "2", oof: "3", workingElsewhere: "4", unknown: "0",
};
const PRECEDENCE: FreeBusyStatus[] = ["oof", "busy", "tentative", "workingElsewhere"];

interface Block {
  startMs: number;
  endMs: number;
  status: FreeBusyStatus;
  subject: string;
}

function blocksOf(ctx: FakeContext, email: string): Block[] {
  const set = (ctx.state.busy.get(email) ?? []).map((b) => ({
    startMs: Date.parse(b.start),
    endMs: Date.parse(b.end),
    status: b.status ?? "busy",
    subject: b.subject ?? "",
  }));
  // The mailbox's own events are busy time too.
  const events = ctx.state.liveEvents(email).map((e) => ({
    startMs: e.startMs, endMs: e.endMs, status: e.showAs, subject: e.subject,
  }));
  return [...set, ...events].sort((a, b) => a.startMs - b.startMs);
}

/** POST /users/{upn}/calendar/getSchedule */
export function getSchedule(req: FakeRequest, ctx: FakeContext): FakeResponse {
  const json = readJsonObject(req, ctx);
  if (!json.ok) return json.response;
  const refused = unknownProperty(req, ctx, json.value, SCHEDULE_PROPERTIES, "microsoft.graph.calendar.getSchedule");
  if (refused) return refused;
  const { schedules, availabilityViewInterval = 30 } = json.value;
  if (!Array.isArray(schedules) || schedules.length === 0 || schedules.some((s) => typeof s !== "string")) {
    return validationFailure(req, ctx, "schedules must be a non-empty list of addresses");
  }
  const interval = Number(availabilityViewInterval);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) {
    return validationFailure(req, ctx, "availabilityViewInterval must be 5..1440");
  }
  const start = parseDateTimeTimeZone(json.value.startTime, "startTime");
  if (!start.ok) return graphError(req, ctx, 400, start.code, start.message);
  const end = parseDateTimeTimeZone(json.value.endTime, "endTime");
  if (!end.ok) return graphError(req, ctx, 400, end.code, end.message);
  if (end.ms <= start.ms) return validationFailure(req, ctx, "endTime must be after startTime");
  const zone = preferredZone(req.headers);
  const value = (schedules as string[]).map((scheduleId) => {
    const email = scheduleId.toLowerCase();
    if (!ctx.state.mailboxes.has(email)) {
      return {
        scheduleId,
        availabilityView: "",
        scheduleItems: [],
        error: { message: "The user or group isn't found.", responseCode: "ErrorMailRecipientNotFound" },
      };
    }
    const blocks = blocksOf(ctx, email).filter((b) => b.endMs > start.ms && b.startMs < end.ms && b.status !== "free");
    let view = "";
    for (let slot = start.ms; slot < end.ms; slot += interval * 60_000) {
      const inSlot = blocks.filter((b) => b.startMs < slot + interval * 60_000 && b.endMs > slot);
      const status = PRECEDENCE.find((s) => inSlot.some((b) => b.status === s)) ?? "free";
      view += VIEW_DIGIT[status];
    }
    return {
      scheduleId,
      availabilityView: view,
      scheduleItems: blocks.map((b) => ({
        isPrivate: false,
        status: b.status,
        subject: b.subject,
        location: "",
        start: formatDateTimeTimeZone(b.startMs, zone),
        end: formatDateTimeTimeZone(b.endMs, zone),
      })),
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: "08:00:00.0000000",
        endTime: "17:00:00.0000000",
        timeZone: { name: "FLE Standard Time" },
      },
    };
  });
  return graphJson(200, {
    "@odata.context": `${ctx.origin}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
    value,
  });
}
