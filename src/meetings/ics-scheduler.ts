import type { MeetingRef, MeetingRequest, Scheduler } from "./scheduler.js";
import type { Mailer } from "./scheduler.js";

/**
 * The default scheduler when no Microsoft 365 tenant is connected: the meeting lives in the
 * invitation file (GET /api/consultations/:id/invite.ics) that people add to their own calendars.
 * Its UID is stable, so an updated invitation replaces the old one instead of adding a second.
 */
export class IcsScheduler implements Scheduler {
  readonly provider = "ics" as const;

  async createMeeting(request: MeetingRequest): Promise<MeetingRef> {
    return { provider: "ics", externalId: request.consultationId, iCalUId: `${request.consultationId}@samrad`, joinUrl: null };
  }

  async updateMeeting(ref: MeetingRef): Promise<MeetingRef> {
    return ref;
  }

  async cancelMeeting(): Promise<void> {}
}

/** Without a tenant the service cannot send mail: the API hands the text to the group instead. */
export const noMailer: Mailer = {
  canSend: false,
  provider: "none",
  async send() {
    throw new Error("No mailer is configured");
  },
};
