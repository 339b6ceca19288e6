import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { EVALUATION_ANSWER_COLUMNS } from "../evaluations/evaluation-answers.js";
import type { AccessibilityFeedbackTable } from "../accessibility/feedback.repo.js";

/** The accessibility feedback table is typed next to its pages; privacy reads and deletes it too. */
export const withFeedback = (db: Kysely<DB>) => db.withTables<{ accessibility_feedback: AccessibilityFeedbackTable }>();

/** A person the coordinator asked about: found by id or by e-mail address. */
export interface Subject {
  email: string | null;
  memberIds: string[];
  expertIds: string[];
}

export async function findSubject(db: Kysely<DB>, by: { email?: string; memberId?: string; expertId?: string }): Promise<Subject> {
  if (by.memberId) {
    const row = await db.selectFrom("group_members").select(["id", "email"]).where("id", "=", by.memberId).executeTakeFirst();
    return { email: row?.email || null, memberIds: row ? [row.id] : [], expertIds: [] };
  }
  if (by.expertId) {
    const row = await db.selectFrom("experts").select(["id", "email"]).where("id", "=", by.expertId).executeTakeFirst();
    return { email: row?.email || null, memberIds: [], expertIds: row ? [row.id] : [] };
  }
  const email = by.email!.toLowerCase();
  const [members, experts] = await Promise.all([
    db.selectFrom("group_members").select("id").where("email", "=", email).orderBy("createdAt").execute(),
    db.selectFrom("experts").select("id").where("email", "=", email).orderBy("createdAt").execute(),
  ]);
  return { email, memberIds: members.map((m) => m.id), expertIds: experts.map((e) => e.id) };
}

const consultationColumns = [
  "c.id",
  "c.groupId",
  "c.topicId",
  "c.briefId",
  "c.expertId",
  "c.createdBy",
  "c.status",
  "c.durationMinutes",
  "c.requestedAt",
  "c.confirmedAt",
  "c.closedAt",
  "c.createdAt",
  "cs.start as sessionStart",
  "cs.end as sessionEnd",
] as const;

/**
 * Consultations with the reason for closing only where the person gave it: a member's export
 * must not carry the expert's reason for declining, nor an expert's the group's for cancelling.
 */
function consultationsWhere(db: Kysely<DB>, reasonBy: { memberId: string } | { expertId: string }) {
  const own =
    "memberId" in reasonBy
      ? sql<string | null>`case when c.status = 'cancelled' and c.id in (select entityId from audit_entries where action = 'consultation.cancelled' and actorType = 'member' and actorId = ${reasonBy.memberId}) then c.closeReason end`
      : sql<string | null>`case when c.status = 'declined' then c.closeReason end`;
  return db
    .selectFrom("consultations as c")
    .leftJoin("proposed_slots as cs", "cs.id", "c.confirmedSlotId")
    .select(consultationColumns)
    .select(own.as("closeReason"));
}

/** Audit entries that name the id as actor, as entity, or in their detail (ids and codes only). */
function auditAbout(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("audit_entries")
    .select(["at", "actorType", "actorId", "action", "entityType", "entityId", "detail"])
    .where((eb) => eb.or([eb("actorId", "=", id), eb("entityId", "=", id), eb(sql`instr(detail, ${id})`, ">", 0)]))
    .orderBy("id")
    .execute();
}

function evaluationsBy(db: Kysely<DB>, side: "member" | "expert", authorId: string) {
  return db
    .selectFrom("evaluations")
    .select([
      "id",
      "consultationId",
      "side",
      "authorId",
      ...EVALUATION_ANSWER_COLUMNS,
      "submittedAt",
      "updatedAt",
    ])
    .where("side", "=", side)
    .where("authorId", "=", authorId)
    .orderBy("submittedAt")
    .execute();
}

/** Everything held about one development-group member. */
export async function memberData(db: Kysely<DB>, memberId: string) {
  const record = await db.selectFrom("group_members").selectAll().where("id", "=", memberId).executeTakeFirstOrThrow();
  const [group, tokens, consultations, topics, briefs, evaluations, audit, messages, sessions, securityEvents, signInIdentities, emailSignInLinks] = await Promise.all([
    db.selectFrom("dev_groups").select(["id", "name", "organisation"]).where("id", "=", record.groupId).executeTakeFirst(),
    // Never the hash: it is a secret's fingerprint, not data about the person.
    db.selectFrom("api_tokens").select(["id", "role", "memberId", "label", "createdAt", "revokedAt"]).where("memberId", "=", memberId).execute(),
    // A member takes part in every consultation of the group: all are invited to its meetings.
    consultationsWhere(db, { memberId }).where("c.groupId", "=", record.groupId).orderBy("c.createdAt").execute(),
    db.selectFrom("topics").select(["id", "groupId", "title", "theme", "description", "createdBy", "createdAt"]).where("createdBy", "=", memberId).execute(),
    briefsBy(db, memberId),
    evaluationsBy(db, "member", memberId),
    auditAbout(db, memberId),
    // Request mails quote the brief: they carry what the member wrote.
    outboxRows(db).where("consultationId", "in", (eb) =>
      eb
        .selectFrom("consultations")
        .select("id")
        .where((w) =>
          w.or([
            w("briefId", "in", w.selectFrom("briefs").select("id").where("createdBy", "=", memberId)),
            w("topicId", "in", w.selectFrom("topics").select("id").where("createdBy", "=", memberId)),
          ]),
        ),
    ).execute(),
    // Page sessions and sign-in events: when and how the member signed in (never the session id).
    db.selectFrom("sessions").select(["memberId", "role", "method", "createdAt", "lastSeenAt", "expiresAt", "endedAt"]).where("memberId", "=", memberId).execute(),
    db
      .selectFrom("security_events")
      .select(["at", "kind", "method", "actorType", "actorId", "detail"])
      .where((eb) => eb.or([eb("actorId", "=", memberId), eb(sql`instr(detail, ${memberId})`, ">", 0)]))
      .orderBy("id")
      .execute(),
    db.selectFrom("sign_in_identities").select(["memberId", "issuer", "subject", "role", "linkedAt"]).where("memberId", "=", memberId).execute(),
    db.selectFrom("email_sign_in_links").select(["memberId", "role", "createdAt", "expiresAt", "usedAt"]).where("memberId", "=", memberId).execute(),
  ]);
  return { record, group: group ?? null, tokens, consultations, topics, briefs, evaluations, audit, messages, sessions, securityEvents, signInIdentities, emailSignInLinks };
}

async function briefsBy(db: Kysely<DB>, memberId: string) {
  const briefs = await db
    .selectFrom("briefs")
    .select(["id", "topicId", "groupId", "challenge", "language", "createdBy", "createdAt"])
    .where("createdBy", "=", memberId)
    .orderBy("createdAt")
    .execute();
  if (briefs.length === 0) return [];
  const questions = await db
    .selectFrom("brief_questions")
    .select(["briefId", "text"])
    .where("briefId", "in", db.selectFrom("briefs").select("id").where("createdBy", "=", memberId))
    .orderBy("briefId")
    .orderBy("position")
    .execute();
  return briefs.map((b) => ({ ...b, questions: questions.filter((q) => q.briefId === b.id).map((q) => q.text) }));
}

/** Everything held about one expert of the directory. */
export async function expertData(db: Kysely<DB>, expertId: string) {
  const record = await db.selectFrom("experts").selectAll().where("id", "=", expertId).executeTakeFirstOrThrow();
  const [organisation, consultations, links, evaluations, audit] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name", "country"]).where("id", "=", record.organisationId).executeTakeFirst(),
    consultationsWhere(db, { expertId }).where("c.expertId", "=", expertId).orderBy("c.createdAt").execute(),
    db
      .selectFrom("expert_links")
      .innerJoin("consultations", "consultations.id", "expert_links.consultationId")
      .select(["expert_links.consultationId", "expert_links.issuedAt", "expert_links.expiresAt", "expert_links.revokedAt"])
      .where("consultations.expertId", "=", expertId)
      .orderBy("expert_links.issuedAt")
      .execute(),
    evaluationsBy(db, "expert", expertId),
    auditAbout(db, expertId),
  ]);
  return { record, organisation: organisation ?? null, consultations, links, evaluations, audit };
}

/** Feedback sent through the accessibility statement with this address. */
export function feedbackFrom(db: Kysely<DB>, email: string) {
  return withFeedback(db).selectFrom("accessibility_feedback").selectAll().where("email", "=", email).orderBy("receivedAt").execute();
}

/** Calendar and mail commands whose content holds the address (a request mailed to an expert). */
export function messagesTo(db: Kysely<DB>, email: string) {
  return outboxRows(db).where(sql`instr(payload, ${email})`, ">", 0).execute();
}

function outboxRows(db: Kysely<DB>) {
  return db.selectFrom("outbox").select(["id", "kind", "consultationId", "status", "payload", "lastError", "createdAt"]).orderBy("createdAt");
}
