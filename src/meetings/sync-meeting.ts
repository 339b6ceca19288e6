import type { Deps } from "../deps.js";
import type { MeetingRow } from "../db/schema.js";
import { CLOSED_STATES } from "../consultations/lifecycle.js";
import { loadMeetingDetails, meetingBody, meetingSubject, type MeetingDetails } from "./meeting-details.js";
import type { MeetingRef, MeetingRequest } from "./scheduler.js";

export type SyncOutcome = "created" | "updated" | "cancelled" | "unchanged";

const LIVE_STATES = ["confirmed", "held", "evaluated"] as const;

function requestFor(d: MeetingDetails, slot: { start: string; end: string }, sequence: number): MeetingRequest {
  return {
    consultationId: d.consultationId,
    subject: meetingSubject(d),
    body: meetingBody(d),
    start: slot.start,
    end: slot.end,
    attendees: [...d.members, d.expert],
    sequence,
  };
}

const refOf = (m: MeetingRow): MeetingRef => ({ provider: m.provider, externalId: m.externalId, iCalUId: m.iCalUId, joinUrl: m.joinUrl });

/**
 * Brings the calendar in line with the consultation as it is now, whatever happened before:
 * a confirmed consultation has exactly one live meeting at its confirmed time, a closed one none.
 * Idempotent, so a command retried after a crash or a lost answer does no harm.
 */
export async function syncMeeting(deps: Pick<Deps, "db" | "scheduler" | "clock" | "config">, consultationId: string): Promise<SyncOutcome> {
  const { db, scheduler } = deps;
  const details = await loadMeetingDetails(db, consultationId, deps.config.publicBaseUrl);
  if (!details) return "unchanged";
  const meeting = await db.selectFrom("meetings").selectAll().where("consultationId", "=", consultationId).executeTakeFirst();
  const now = deps.clock.now().toISOString();
  const wantLive = (LIVE_STATES as readonly string[]).includes(details.status) && details.slot !== null;

  if (wantLive && details.slot && !meeting) {
    const ref = await scheduler.createMeeting(requestFor(details, details.slot, 0));
    await db
      .insertInto("meetings")
      .values({ consultationId, ...ref, start: details.slot.start, end: details.slot.end, sequence: 0, cancelledAt: null, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column("consultationId").doUpdateSet({ ...ref, start: details.slot!.start, end: details.slot!.end, updatedAt: now }))
      .execute();
    return "created";
  }
  if (wantLive && details.slot && meeting && !meeting.cancelledAt) {
    if (meeting.start === details.slot.start && meeting.end === details.slot.end) return "unchanged";
    const sequence = meeting.sequence + 1;
    const ref = await scheduler.updateMeeting(refOf(meeting), requestFor(details, details.slot, sequence));
    await db
      .updateTable("meetings")
      .set({ joinUrl: ref.joinUrl ?? meeting.joinUrl, start: details.slot.start, end: details.slot.end, sequence, updatedAt: now })
      .where("consultationId", "=", consultationId)
      .execute();
    return "updated";
  }
  if ((CLOSED_STATES as readonly string[]).includes(details.status) && meeting && !meeting.cancelledAt) {
    const row = await db.selectFrom("consultations").select("closeReason").where("id", "=", consultationId).executeTakeFirst();
    await scheduler.cancelMeeting(refOf(meeting), row?.closeReason ?? `The consultation was ${details.status}.`);
    await db
      .updateTable("meetings")
      .set({ cancelledAt: now, sequence: meeting.sequence + 1, updatedAt: now })
      .where("consultationId", "=", consultationId)
      .execute();
    return "cancelled";
  }
  return "unchanged";
}
