import ical, { ICalAlarmType, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingRow } from "../db/schema.js";
import type { Lang } from "../pages/i18n/index.js";
import { meetingBody, meetingSubject, type MeetingDetails } from "./meeting-details.js";
import type { Attendee } from "./scheduler.js";

/** Who the invitation is for: its description is in their language and its link leads to their page. */
export interface InviteReader {
  lang: Lang;
  link: string;
}

/** A reminder 15 minutes before, as the calendars' own default for meetings. */
const ALARM_SECONDS_BEFORE = 15 * 60;

/**
 * The RFC 5545 invitation of a consultation for one reader: METHOD:REQUEST with the meeting's
 * stable UID and SEQUENCE (so a moved meeting replaces the old entry), or METHOD:CANCEL with the
 * same UID once cancelled, so calendars remove it. Times in UTC.
 */
export function inviteIcs(details: MeetingDetails, meeting: MeetingRow, organizer: Attendee, now: Date, reader: InviteReader, opts: { cancel?: boolean } = {}): string {
  const cancelled = opts.cancel === true || meeting.cancelledAt !== null;
  const subject = meetingSubject(details, reader.lang);
  const calendar = ical({
    prodId: { company: "Samrad", product: "Samrad", language: reader.lang.toUpperCase() },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    name: subject,
  });
  // The group's own meeting link stands in until Graph's join link replaces it.
  const joinUrl = meeting.joinUrl ?? details.ownMeetingUrl;
  const event = calendar.createEvent({
    id: meeting.iCalUId,
    // A cancellation sent before the calendar recorded its own must still outrank the last REQUEST.
    sequence: cancelled && meeting.cancelledAt === null ? meeting.sequence + 1 : meeting.sequence,
    stamp: now,
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary: subject,
    description: meetingBody(details, reader.lang, reader.link) + (joinUrl ? `\n\n${meeting.joinUrl ? "Teams" : "Meeting"}: ${joinUrl}` : ""),
    location: joinUrl ?? "Microsoft Teams",
    url: joinUrl ?? reader.link,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organizer.name, email: organizer.email },
    // The organiser is not an attendee of their own meeting (calendars would ask them to RSVP).
    attendees: [...details.members, details.expert]
      .filter((a) => a.email.toLowerCase() !== organizer.email.toLowerCase())
      .map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true })),
  });
  if (!cancelled) event.createAlarm({ type: ICalAlarmType.display, trigger: ALARM_SECONDS_BEFORE, description: subject });
  return calendar.toString();
}
