import { cancelEvent, createEvent, deleteEvent, getEvent, listEvents, updateEvent } from "./event-routes.js";
import { graphError, identityError, type FakeContext, type FakeRequest, type FakeResponse } from "./http.js";
import { instanceDiscovery, openIdConfiguration, token } from "./identity-routes.js";
import { getSchedule, sendMail } from "./mail-schedule-routes.js";

/** Identity platform and Graph share one origin, as a test needs only one certificate. */
export function route(req: FakeRequest, ctx: FakeContext): FakeResponse {
  const [first = "", ...rest] = req.segments;
  if (first === "v1.0") return graphRoute(req, ctx, rest);
  const tail = rest.join("/").toLowerCase();
  if (req.method === "GET" && first.toLowerCase() === "common" && tail === "discovery/instance") {
    return instanceDiscovery(req, ctx);
  }
  if (req.method === "GET" && tail === "v2.0/.well-known/openid-configuration") return openIdConfiguration(req, ctx, first);
  if (req.method === "POST" && tail === "oauth2/v2.0/token") return token(req, ctx, first);
  return identityError(req, ctx, 404, "invalid_request", 900561, `The fake identity platform has no endpoint ${req.method} /${req.segments.join("/")}.`);
}

function unauthenticated(req: FakeRequest, ctx: FakeContext, message: string): FakeResponse {
  return graphError(req, ctx, 401, "InvalidAuthenticationToken", message, {
    "www-authenticate": `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  });
}

/** /v1.0/users/{upn}/... after the bearer token is checked. */
function graphRoute(req: FakeRequest, ctx: FakeContext, rest: string[]): FakeResponse {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ""))?.[1];
  if (!bearer) return unauthenticated(req, ctx, "Access token is empty.");
  const expiresAt = ctx.state.tokens.get(bearer);
  if (expiresAt === undefined) return unauthenticated(req, ctx, "Access token validation failure. Invalid audience.");
  if (expiresAt <= ctx.now()) return unauthenticated(req, ctx, "Lifetime validation failed, the token is expired.");

  const [collection = "", upn = "", ...tail] = rest;
  if (collection.toLowerCase() !== "users" || !upn) return unsupported(req, ctx);
  const mailbox = upn.toLowerCase();
  if (!ctx.state.mailboxes.has(mailbox)) {
    return graphError(req, ctx, 404, "ErrorInvalidUser", `The requested user '${upn}' is invalid.`);
  }
  // Graph's segment names are case-insensitive; event ids are not.
  const [segment = "", id = "", action = ""] = tail;
  const kind = segment.toLowerCase();
  const m = req.method;
  if (kind === "events" && tail.length === 1) {
    if (m === "POST") return createEvent(req, ctx, mailbox);
    if (m === "GET") return listEvents(req, ctx, mailbox);
  }
  if (kind === "events" && tail.length === 2) {
    if (m === "GET") return getEvent(req, ctx, mailbox, id);
    if (m === "PATCH") return updateEvent(req, ctx, mailbox, id);
    if (m === "DELETE") return deleteEvent(req, ctx, mailbox, id);
  }
  if (kind === "events" && tail.length === 3 && action.toLowerCase() === "cancel" && m === "POST") {
    return cancelEvent(req, ctx, mailbox, id);
  }
  if (kind === "sendmail" && tail.length === 1 && m === "POST") return sendMail(req, ctx, mailbox);
  if (kind === "calendar" && id.toLowerCase() === "getschedule" && tail.length === 2 && m === "POST") {
    return getSchedule(req, ctx);
  }
  return unsupported(req, ctx);
}

function unsupported(req: FakeRequest, ctx: FakeContext): FakeResponse {
  return graphError(req, ctx, 400, "BadRequest", `Resource not found for the segment '${req.segments.at(-1)}'. [fake Graph: ${req.method} /${req.segments.join("/")} is not implemented]`);
}
