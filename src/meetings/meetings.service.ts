import { findConsultation } from "../consultations/consultations.repo.js";
import type { Deps } from "../deps.js";
import { expertLinkUrl } from "../expert-access/expert-links.repo.js";
import { memberLanguage } from "../groups/groups.repo.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import type { Lang } from "../pages/i18n/index.js";
import { inviteIcs, type InviteReader } from "./invite-ics.js";
import { loadMeetingDetails, type MeetingDetails } from "./meeting-details.js";
import type { Attendee } from "./scheduler.js";

/** Who downloads (or is mailed) the invitation: the expert through their link, or a member. */
export type InvitationReader = { kind: "expert"; secret: string } | { kind: "member"; lang: Lang };

/** With a tenant the organiser mailbox sends the invitations; without one, the member who created it does. */
export function organizerOf(deps: Pick<Deps, "config">, details: MeetingDetails): Attendee {
  return deps.config.graph
    ? { name: "Samråd", email: deps.config.graph.organizer }
    : (details.creator ?? details.members[0] ?? { name: "Samråd", email: "noreply@samrad.invalid" });
}

export function readerOf(deps: Pick<Deps, "config">, details: MeetingDetails, reader: InvitationReader): InviteReader {
  return reader.kind === "expert"
    ? { lang: details.expertLang, link: expertLinkUrl(deps.config.publicBaseUrl, reader.secret) }
    : { lang: reader.lang, link: details.link };
}

/** The invitation file of a consultation whose meeting exists, for one reader. */
/**
 * The invitation as a member or the coordinator downloads it: only a consultation the reader may
 * see (a member's own group's), in the member's language (English for the coordinator).
 */
export async function memberInvitation(deps: Pick<Deps, "db" | "clock" | "config">, p: Principal, consultationId: string): Promise<Result<string>> {
  const visible = await findConsultation(deps.db, consultationId, groupScope(p), deps.clock.now());
  if (!visible) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  const lang = p.role === "member" ? await memberLanguage(deps.db, p.memberId) : "en";
  return invitationFor(deps, consultationId, { kind: "member", lang });
}

export async function invitationFor(deps: Pick<Deps, "db" | "clock" | "config">, consultationId: string, reader: InvitationReader): Promise<Result<string>> {
  const [details, meeting] = await Promise.all([
    loadMeetingDetails(deps.db, consultationId, deps.config.publicBaseUrl),
    deps.db.selectFrom("meetings").selectAll().where("consultationId", "=", consultationId).executeTakeFirst(),
  ]);
  if (!details) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  // An empty externalId marks a creation still in flight (see sync-meeting.ts): not a meeting yet.
  if (!meeting || !meeting.externalId) return fail("CONFLICT", `There is no meeting yet: the consultation is ${details.status}`);
  return ok(inviteIcs(details, meeting, organizerOf(deps, details), deps.clock.now(), readerOf(deps, details, reader)));
}
