import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingRow } from "../db/schema.js";
import { meetingBody, meetingSubject, type MeetingDetails } from "./meeting-details.js";
import type { Attendee } from "./scheduler.js";

/**
 * The RFC 5545 invitation of a confirmed consultation: METHOD:REQUEST, the meeting's stable UID
 * and SEQUENCE (so a moved meeting replaces the old entry), times in UTC.
 */
export function inviteIcs(details: MeetingDetails, meeting: MeetingRow, organizer: Attendee, now: Date): string {
  const cancelled = meeting.cancelledAt !== null;
  const calendar = ical({
    prodId: { company: "Samrad", product: "Samrad", language: "EN" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    name: meetingSubject(details),
  });
  const joinUrl = meeting.joinUrl ?? details.ownMeetingUrl;
  calendar.createEvent({
    id: meeting.iCalUId,
    sequence: meeting.sequence,
    stamp: now,
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary: meetingSubject(details),
    description: meetingBody(details) + (joinUrl ? `\n\nMeeting: ${joinUrl}` : ""),
    location: joinUrl ?? "Microsoft Teams",
    url: joinUrl ?? details.link,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organizer.name, email: organizer.email },
    attendees: [...details.members, details.expert].map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return calendar.toString();
}
