import type { Deps } from "../deps.js";
import type { MeetingRow } from "../db/schema.js";
import { CLOSED_STATES } from "../consultations/transitions.js";
import { loadMeetingDetails, meetingBody, meetingSubject, type MeetingDetails } from "./meeting-details.js";
import type { MeetingRef, MeetingRequest } from "./scheduler.js";

export type SyncOutcome = "created" | "updated" | "cancelled" | "unchanged";

const LIVE_STATES = ["confirmed", "held", "evaluated"] as const;

function requestFor(d: MeetingDetails, slot: { start: string; end: string }, sequence: number): MeetingRequest {
  return {
    consultationId: d.consultationId,
    // One event body for everyone in the organiser's calendar: in the expert's language (the
    // group reads it too), with the group's page, never the expert's secret link.
    subject: meetingSubject(d, d.expertLang),
    body: meetingBody(d, d.expertLang, d.link),
    start: slot.start,
    end: slot.end,
    attendees: [...d.members, d.expert],
    sequence,
  };
}

/** externalId of a meetings row written just before a create, until the create's answer arrives. */
const PENDING_CREATE = "";

/**
 * A refusal of the request itself (400, 403, 404, ...) is the same on every attempt, so none
 * created anything. No answer, a 5xx, or a 408/429 that may have followed a 504 inside the
 * client's own retries, could hide an event: then the marker stays.
 */
function definitelyNotCreated(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 429;
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

  // A row without an event id: a create was sent whose answer never arrived (lost, or the
  // process died), so an event may exist that only its transactionId can find again.
  const createPending = meeting !== undefined && meeting.externalId === PENDING_CREATE;

  if (wantLive && details.slot && (!meeting || createPending)) {
    if (!meeting) {
      // Written before the call: if the answer is lost, a cancel that comes first still knows.
      await db
        .insertInto("meetings")
        .values({ consultationId, provider: scheduler.provider, externalId: PENDING_CREATE, iCalUId: "", joinUrl: null, start: details.slot.start, end: details.slot.end, sequence: 0, cancelledAt: null, createdAt: now, updatedAt: now })
        .onConflict((oc) => oc.column("consultationId").doNothing())
        .execute();
    }
    let ref: MeetingRef;
    try {
      ref = await scheduler.createMeeting(requestFor(details, details.slot, 0));
    } catch (error) {
      // Refused outright: nothing was created by this call. Only the marker this call wrote may
      // go; an older one still stands for an earlier create of unknown outcome.
      if (!meeting && definitelyNotCreated(error)) {
        await db.deleteFrom("meetings").where("consultationId", "=", consultationId).where("externalId", "=", PENDING_CREATE).execute();
      }
      throw error;
    }
    await db
      .insertInto("meetings")
      .values({ consultationId, ...ref, start: details.slot.start, end: details.slot.end, sequence: 0, cancelledAt: null, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column("consultationId").doUpdateSet({ ...ref, start: details.slot!.start, end: details.slot!.end, updatedAt: now }))
      .execute();
    return "created";
  }
  if (wantLive && details.slot && meeting && !createPending && !meeting.cancelledAt) {
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
    let ref = refOf(meeting);
    if (createPending) {
      // Whether the lost create made an event is unknown: the same transactionId returns it if it
      // did (else this makes one, which is cancelled at once). Never leave an orphan in calendars.
      ref = await scheduler.createMeeting(requestFor(details, { start: meeting.start, end: meeting.end }, 0));
      // Kept before the cancel: a cancelled event no longer answers to its transactionId, so a
      // retry after a lost cancel must find it by id (a second create would invite everyone again).
      await db.updateTable("meetings").set({ ...ref, updatedAt: now }).where("consultationId", "=", consultationId).execute();
    }
    await scheduler.cancelMeeting(ref, row?.closeReason ?? `The consultation was ${details.status}.`);
    await db
      .updateTable("meetings")
      .set({ ...ref, cancelledAt: now, sequence: meeting.sequence + 1, updatedAt: now })
      .where("consultationId", "=", consultationId)
      .execute();
    return "cancelled";
  }
  return "unchanged";
}
