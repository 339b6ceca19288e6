/**
 * The fake is only useful if it refuses what Graph refuses. These tests speak plain HTTPS
 * to it, the way Graph's documentation describes the calls.
 */
import { afterEach, describe, expect, it } from "vitest";
import { meetingRequest, rawToken, startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
afterEach(() => stack?.close());

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; "request-id": string; "client-request-id": string } };
}

async function postEvent(zone: string, headers: Record<string, string> = {}) {
  const token = await rawToken(stack.fake);
  return fetch(`${stack.fake.url}/v1.0/users/${stack.fake.config.organizer}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({
      subject: "Samråd",
      start: { dateTime: "2026-03-02T09:00:00", timeZone: zone },
      end: { dateTime: "2026-03-02T09:30:00", timeZone: zone },
    }),
  });
}

describe("the fake Graph answers as Graph does", () => {
  it.each(["Europe/Helsinki", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen"])(
    "refuses the IANA name %s with 400 ErrorPropertyValidationFailure",
    async (zone) => {
      stack = await startGraphStack();

      const response = await postEvent(zone, { "client-request-id": "test-correlation" });

      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphErrorBody;
      expect(body.error.code).toBe("ErrorPropertyValidationFailure");
      expect(body.error.innerError["request-id"]).toBe(response.headers.get("request-id"));
      expect(body.error.innerError["client-request-id"]).toBe("test-correlation");
      expect(stack.fake.state.allEvents()).toHaveLength(0);
    },
  );

  it("accepts the Windows names of the same zones and Graph-listed IANA names", async () => {
    stack = await startGraphStack();

    for (const zone of ["FLE Standard Time", "W. Europe Standard Time", "Europe/Berlin", "UTC"]) {
      expect((await postEvent(zone)).status, zone).toBe(201);
    }
    // 09:00 in Helsinki (UTC+2 in March) is 07:00 UTC.
    expect(new Date(stack.fake.state.allEvents()[0]!.startMs).toISOString()).toBe("2026-03-02T07:00:00.000Z");
  });

  it("answers times in UTC without a trailing Z, or in the zone a Prefer header asks for", async () => {
    stack = await startGraphStack();
    const ref = await stack.scheduler.createMeeting(meetingRequest({ start: "2026-03-02T07:00:00Z", end: "2026-03-02T07:30:00Z" }));
    const token = await rawToken(stack.fake);
    const url = `${stack.fake.url}/v1.0/users/${stack.fake.config.organizer}/events/${encodeURIComponent(ref.externalId)}`;

    const plain = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    const helsinki = (await (
      await fetch(url, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="FLE Standard Time"' } })
    ).json()) as Record<string, unknown>;

    expect(plain.start).toEqual({ dateTime: "2026-03-02T07:00:00.0000000", timeZone: "UTC" });
    expect(helsinki.start).toEqual({ dateTime: "2026-03-02T09:00:00.0000000", timeZone: "FLE Standard Time" });
    expect(plain.onlineMeeting).toEqual({ joinUrl: ref.joinUrl });
  });

  it("answers 401 InvalidAuthenticationToken without a valid bearer token", async () => {
    stack = await startGraphStack();
    const url = `${stack.fake.url}/v1.0/users/${stack.fake.config.organizer}/events`;

    const missing = await fetch(url);
    const forged = await fetch(url, { headers: { authorization: "Bearer forged.token.value" } });

    for (const response of [missing, forged]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as GraphErrorBody).error.code).toBe("InvalidAuthenticationToken");
      expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("answers 404 ErrorItemNotFound for an unknown event and ErrorInvalidUser for an unknown mailbox", async () => {
    stack = await startGraphStack();
    const token = await rawToken(stack.fake);
    const headers = { authorization: `Bearer ${token}` };

    const event = await fetch(`${stack.fake.url}/v1.0/users/${stack.fake.config.organizer}/events/AAMkAnope`, { headers });
    const user = await fetch(`${stack.fake.url}/v1.0/users/nobody@contoso.test/events`, { headers });

    expect([event.status, ((await event.json()) as GraphErrorBody).error.code]).toEqual([404, "ErrorItemNotFound"]);
    expect([user.status, ((await user.json()) as GraphErrorBody).error.code]).toEqual([404, "ErrorInvalidUser"]);
  });

  it("refuses a property the event type does not have, instead of ignoring it", async () => {
    stack = await startGraphStack();
    const token = await rawToken(stack.fake);

    const response = await fetch(`${stack.fake.url}/v1.0/users/${stack.fake.config.organizer}/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        subject: "x",
        isOnlineMeetting: true,
        start: { dateTime: "2026-03-02T09:00:00", timeZone: "UTC" },
        end: { dateTime: "2026-03-02T09:30:00", timeZone: "UTC" },
      }),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphErrorBody).error.code).toBe("RequestBodyRead");
  });
});
