import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { inviteIcs } from "./invite-ics.js";
import { loadMeetingDetails } from "./meeting-details.js";

/** The invitation file of a consultation whose meeting exists. */
export async function invitationFor(deps: Pick<Deps, "db" | "clock" | "config">, consultationId: string): Promise<Result<string>> {
  const [details, meeting] = await Promise.all([
    loadMeetingDetails(deps.db, consultationId, deps.config.publicBaseUrl),
    deps.db.selectFrom("meetings").selectAll().where("consultationId", "=", consultationId).executeTakeFirst(),
  ]);
  if (!details) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  // An empty externalId marks a creation still in flight (see sync-meeting.ts): not a meeting yet.
  if (!meeting || !meeting.externalId) return fail("CONFLICT", `There is no meeting yet: the consultation is ${details.status}`);
  // With a tenant the organiser mailbox sends the invitations; without one, the member who created it does.
  const organizer = deps.config.graph
    ? { name: "Samråd", email: deps.config.graph.organizer }
    : (details.creator ?? details.members[0] ?? { name: "Samråd", email: "noreply@samrad.invalid" });
  return ok(inviteIcs(details, meeting, organizer, deps.clock.now()));
}
