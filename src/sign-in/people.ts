import type { Deps } from "../deps.js";
import type { Audience, SessionSubject } from "../sessions/sessions.service.js";
import { findMemberIdByEmail } from "./sign-in.repo.js";

export type Person = { role: "member"; memberId: string } | { role: "coordinator"; coordinatorKey: string };

/**
 * Who this address belongs to, for the audience signing in. Members are the people the
 * coordinator added to a group; the coordinator is anyone whose address is in COORDINATOR_EMAILS
 * (coordinators have no table: their token is the other way in). Nobody else gets in.
 */
export async function personByEmail(deps: Pick<Deps, "db" | "config">, audience: Audience, email: string): Promise<Person | null> {
  const address = email.trim().toLowerCase();
  if (audience === "coordinator") {
    return deps.config.signIn.coordinatorEmails.includes(address) ? { role: "coordinator", coordinatorKey: address } : null;
  }
  const memberId = await findMemberIdByEmail(deps.db, address);
  return memberId ? { role: "member", memberId } : null;
}

export const subjectOf = (p: Person, method: SessionSubject["method"]): SessionSubject =>
  p.role === "member" ? { role: "member", memberId: p.memberId, method } : { role: "coordinator", coordinatorKey: p.coordinatorKey, method };
