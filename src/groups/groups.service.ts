import type { Deps } from "../deps.js";
import { recordAudit } from "../audit/audit.repo.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { issueApiToken } from "../tokens/tokens.service.js";
import { type Page, type PageRequest } from "../lib/paging.js";
import { findGroup, insertGroup, insertMember, listGroups, listMembers, memberFrameQuery, removeMemberQueries, setMemberLanguage } from "./groups.repo.js";
import type { CreateGroup, CreateMember, Group, Me, Member, UpdateMember } from "./groups.schemas.js";

type GroupDeps = Pick<Deps, "db" | "clock" | "config" | "log">;

export const groups = async (deps: Pick<Deps, "db">): Promise<Group[]> => (await listGroups(deps.db)).items;
export const groupsPage = (deps: Pick<Deps, "db">, page: PageRequest): Promise<Page<Group>> => listGroups(deps.db, page);
export const group = (deps: Pick<Deps, "db">, id: string) => findGroup(deps.db, id);

export async function createGroup(deps: GroupDeps, by: Principal, input: CreateGroup): Promise<Group> {
  const created: Group = {
    id: newId(),
    name: input.name,
    organisation: input.organisation,
    timeZone: input.timeZone ?? "Europe/Helsinki",
    country: input.country ?? "FI",
    createdAt: deps.clock.now().toISOString(),
  };
  await insertGroup(deps.db, created);
  await recordAudit(deps.db, { ...actorOf(by), at: created.createdAt, action: "group.created", entityType: "group", entityId: created.id });
  return created;
}

/** The group's current members (coordinator). */
export async function membersOf(deps: Pick<Deps, "db">, groupId: string, page?: PageRequest): Promise<Result<Page<Member>>> {
  if (!(await findGroup(deps.db, groupId))) return fail("NOT_FOUND", `No development group with id ${groupId}`);
  return ok(await listMembers(deps.db, groupId, page));
}

/**
 * Adds a member and issues the member's token (returned once, stored as a hash). An e-mail
 * address already used by a current member anywhere in the service is refused.
 */
export async function addMember(
  deps: GroupDeps,
  by: Principal,
  groupId: string,
  input: CreateMember,
): Promise<Result<Member & { token: string; tokenId: string; tokenExpiresAt: string }>> {
  const found = await findGroup(deps.db, groupId);
  if (!found) return fail("NOT_FOUND", `No development group with id ${groupId}`);
  const now = deps.clock.now().toISOString();
  const member: Member = { id: newId(), groupId, name: input.name, email: input.email.toLowerCase(), language: input.language ?? "fi", createdAt: now };
  try {
    await insertMember(deps.db, member);
  } catch (err) {
    if (isUniqueViolation(err)) {
      return fail("CONFLICT", "A member with this e-mail address already exists in the service", [{ path: "email", message: "already a member" }]);
    }
    throw err;
  }
  const issued = await issueApiToken(deps, by, { role: "member", label: `member ${member.id}`, memberId: member.id });
  await recordAudit(deps.db, { ...actorOf(by), at: now, action: "member.added", entityType: "group", entityId: groupId, detail: { memberId: member.id } });
  return ok({ ...member, token: issued.token, tokenId: issued.id, tokenExpiresAt: issued.expiresAt });
}

/** Removes a member from the group and revokes the member's tokens in the same atomic write. */
export async function removeMember(deps: Pick<Deps, "db" | "clock" | "atomic">, by: Principal, groupId: string, memberId: string): Promise<Result<{ removedAt: string }>> {
  const at = deps.clock.now().toISOString();
  const [removed] = await deps.atomic(removeMemberQueries(deps.db, groupId, memberId, at));
  if (removed!.changes === 0) return fail("NOT_FOUND", `No current member ${memberId} in group ${groupId}`);
  await recordAudit(deps.db, { ...actorOf(by), at, action: "member.removed", entityType: "group", entityId: groupId, detail: { memberId } });
  return ok({ removedAt: at });
}

/** Who is signed in and for which group: what the pages show in their header and GET /api/me returns. */
export async function whoAmI(deps: Pick<Deps, "db">, by: Principal): Promise<Me> {
  if (by.role !== "member") return { role: "coordinator", member: null, group: null, members: [] };
  const [group, { items: members }] = await Promise.all([findGroup(deps.db, by.groupId), listMembers(deps.db, by.groupId)]);
  const self = members.find((m) => m.id === by.memberId);
  return {
    role: "member",
    member: self ? { id: self.id, name: self.name } : null,
    group: group ?? null,
    members: members.map((m) => ({ id: m.id, name: m.name })),
  };
}

/** What a signed-in member's pages show in their frame: who and for which group, and the group's zone. */
export interface MemberFrame {
  signedIn: { name: string; group: string } | undefined;
  zone: string;
}

/** The member frame as a compiled statement, to ride in one batch with a page's own reads (memberFrameOf reads its rows). */
export const memberFrameRead = (deps: Pick<Deps, "db">, by: Extract<Principal, { role: "member" }>) =>
  memberFrameQuery(deps.db, by.memberId, by.groupId).compile();

export function memberFrameOf([row]: { name: string; group: string; timeZone: string | null }[]): MemberFrame {
  return { signedIn: row ? { name: row.name, group: row.group } : undefined, zone: row?.timeZone ?? DEFAULT_GROUP_ZONE };
}

/** The member frame on its own, for pages that have no read to batch it with. */
export async function memberFrame(deps: Pick<Deps, "db">, by: Extract<Principal, { role: "member" }>): Promise<MemberFrame> {
  return memberFrameOf(await deps.db.executeQuery(memberFrameRead(deps, by)).then((r) => r.rows));
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
