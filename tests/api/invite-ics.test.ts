import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { seedRequested, testApp } from "../helpers/test-app.js";

describe("the ICS invitation", () => {
  it("parses with an independent parser and carries the confirmed UTC times, UID, organiser and attendees", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const early = await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken });
    expect(early.status).toBe(409);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } });

    const r = await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/calendar");
    const cal = new ICAL.Component(ICAL.parse(r.text));
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = cal.getFirstSubcomponent("vevent")!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${s.consultationId}@samrad`);
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-08T11:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-08T11:45:00.000Z");
    expect(event.startDate.zone?.tzid).toBe("UTC");
    expect(event.description).toContain("Referrals arrive late");
    expect(event.description).toContain("1. What works?");
    const attendees = event.attendees.map((a) => String(a.getFirstValue()).toLowerCase());
    expect(attendees).toEqual(
      expect.arrayContaining(["mailto:astrid.testesen@example.org", "mailto:sanna.k@example.fi"]),
    );
    expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:mikko.keksitty@example.fi");
    // The organiser is not listed again as an attendee (a calendar would show them twice).
    expect(attendees).not.toContain("mailto:mikko.keksitty@example.fi");

    // The expert can download the same invitation through the link.
    const viaLink = await t.call("GET", `/api/expert/${s.secret}/invite.ics`);
    expect(viaLink.status).toBe(200);
    expect(viaLink.text).toContain(`UID:${s.consultationId}@samrad`);
  });

  it("keeps the UID and raises SEQUENCE when the meeting moves", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    const moved = await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-10T09:00:00Z" }, { start: "2027-03-10T12:00:00Z" }] },
    });
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: moved.body.slots[0].id } });
    const r = await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(r.text)).getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`${s.consultationId}@samrad`);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-10T09:00:00.000Z");
  });
});
