import type { Deps } from "../deps.js";
import { recordAudit } from "../audit/audit.repo.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { issueApiToken } from "../tokens/tokens.service.js";
import { findGroup, insertGroup, insertMember, listMembers, memberAndGroupNames, setMemberLanguage } from "./groups.repo.js";
import type { CreateGroup, CreateMember, Group, Me, Member, UpdateMember } from "./groups.schemas.js";

type GroupDeps = Pick<Deps, "db" | "clock" | "config" | "log">;

export async function createGroup(deps: GroupDeps, by: Principal, input: CreateGroup): Promise<Group> {
  const group: Group = {
    id: newId(),
    name: input.name,
    organisation: input.organisation,
    timeZone: input.timeZone ?? "Europe/Helsinki",
    country: input.country ?? "FI",
    createdAt: deps.clock.now().toISOString(),
  };
  await insertGroup(deps.db, group);
  await recordAudit(deps.db, { ...actorOf(by), at: group.createdAt, action: "group.created", entityType: "group", entityId: group.id });
  return group;
}

/** Adds a member and issues the member's token (returned once, stored as a hash). */
export async function addMember(
  deps: GroupDeps,
  by: Principal,
  groupId: string,
  input: CreateMember,
): Promise<Result<Member & { token: string; tokenId: string; tokenExpiresAt: string }>> {
  const group = await findGroup(deps.db, groupId);
  if (!group) return fail("NOT_FOUND", `No development group with id ${groupId}`);
  const now = deps.clock.now().toISOString();
  const member: Member = { id: newId(), groupId, name: input.name, email: input.email.toLowerCase(), language: input.language ?? "fi", createdAt: now };
  await insertMember(deps.db, member);
  const issued = await issueApiToken(deps, by, { role: "member", label: `member ${member.id}`, memberId: member.id });
  await recordAudit(deps.db, { ...actorOf(by), at: now, action: "member.added", entityType: "group", entityId: groupId, detail: { memberId: member.id } });
  return ok({ ...member, token: issued.token, tokenId: issued.id, tokenExpiresAt: issued.expiresAt });
}

/** Who is signed in and for which group: what the pages show in their header and GET /api/me returns. */
export async function whoAmI(deps: Pick<Deps, "db">, by: Principal): Promise<Me> {
  if (by.role !== "member") return { role: "coordinator", member: null, group: null, members: [] };
  const [group, members] = await Promise.all([findGroup(deps.db, by.groupId), listMembers(deps.db, by.groupId)]);
  const self = members.find((m) => m.id === by.memberId);
  return {
    role: "member",
    member: self ? { id: self.id, name: self.name } : null,
    group: group ?? null,
    members: members.map((m) => ({ id: m.id, name: m.name })),
  };
}

/** Who is signed in and for which group, by name, for the pages' header. */
export async function signedInNames(deps: Pick<Deps, "db">, by: Extract<Principal, { role: "member" }>): Promise<{ name: string; group: string } | undefined> {
  return memberAndGroupNames(deps.db, by.memberId, by.groupId);
}

/** A member's language: the coordinator may change anyone's, a member only their own. */
export async function updateMember(deps: GroupDeps, by: Principal, groupId: string, memberId: string, input: UpdateMember): Promise<Result<Member>> {
  if (by.role === "member" && (by.memberId !== memberId || by.groupId !== groupId)) return fail("FORBIDDEN", "A member may change only their own settings");
  const member = await setMemberLanguage(deps.db, groupId, memberId, input.language);
  if (!member) return fail("NOT_FOUND", `No member with id ${memberId} in group ${groupId}`);
  const now = deps.clock.now().toISOString();
  await recordAudit(deps.db, { ...actorOf(by), at: now, action: "member.updated", entityType: "group", entityId: groupId, detail: { memberId, language: input.language } });
  return ok(member);
}

/** Where a group is when its row has no zone (the first groups were all in Finland). */
export const DEFAULT_GROUP_ZONE = "Europe/Helsinki";

/** The group's own time zone (Helsinki when a group has none recorded): its pages show local times in it. */
export async function groupTimeZone(deps: Pick<Deps, "db">, groupId: string): Promise<string> {
  return (await findGroup(deps.db, groupId))?.timeZone ?? DEFAULT_GROUP_ZONE;
}
