import { sql, type CompiledQuery, type Kysely } from "kysely";
import { clearCloseReasons } from "../consultations/transition-writes.js";
import type { DB } from "../db/schema.js";
import { withFeedback } from "./export.repo.js";
import { ERASED_EMAIL, ERASED_NAME } from "./personal-data.js";

/**
 * Erasure as statements for one atomic batch (D1 has no interactive transactions). The first
 * statement replaces the person's name and e-mail only if they are not erased yet and take part in
 * no live consultation, and stamps `erasedAt` with this erasure's mark; every later statement runs
 * only where that mark is set, so either the whole erasure happens or none of it.
 */

/**
 * Consultations that still need their people's addresses: requested, or confirmed with the
 * session still ahead (a confirmed one whose time has passed is held, whether or not the
 * lifecycle sweep has stored that yet).
 */
export function liveConsultations(db: Kysely<DB>, now: string) {
  return db
    .selectFrom("consultations as live")
    .leftJoin("proposed_slots as liveSlot", "liveSlot.id", "live.confirmedSlotId")
    .select("live.id")
    .where((eb) => eb.or([eb("live.status", "=", "requested"), eb.and([eb("live.status", "=", "confirmed"), eb("liveSlot.end", ">", now)])]));
}

/** Live consultations that members created or whose topic or brief they wrote. */
export function liveConsultationsOfMembers(db: Kysely<DB>, memberIds: string[], now: string) {
  const authored = (table: "briefs" | "topics") => db.selectFrom(table).select("id").where("createdBy", "in", memberIds);
  return liveConsultations(db, now).where((eb) =>
    eb.or([eb("live.createdBy", "in", memberIds), eb("live.briefId", "in", authored("briefs")), eb("live.topicId", "in", authored("topics"))]),
  );
}

export function liveConsultationsOfExperts(db: Kysely<DB>, expertIds: string[], now: string) {
  return liveConsultations(db, now).where("live.expertId", "in", expertIds);
}

/** Free text becomes this: the row stays (the report counts briefs' questions), its words go. */
const REMOVED_TEXT = "";

/** A fresh id in place of an author's, so an evaluation still counts but no longer says whose it is. */
export const unlinkedAuthor = sql<string>`'unlinked-' || lower(hex(randomblob(16)))`;

export interface ErasedPerson {
  id: string;
  name: string;
  email: string;
}

export interface ErasureContext {
  /** erasedAt: the instant of this erasure, also the mark later statements key on. */
  mark: string;
  /** The coordinator's token id, for the audit entry. */
  actorId: string;
}

/**
 * Statements that end a member's access: API tokens revoked, page sessions ended, the link to
 * their organisation account and any unused e-mail sign-in link gone. Keyed on `erased` like the rest.
 */
export const endAccessStatements: ((db: Kysely<DB>, memberId: string, erased: ErasedCheck, now: string) => CompiledQuery)[] = [
  (db, memberId, erased, now) =>
    db.updateTable("api_tokens").set({ revokedAt: now }).where("memberId", "=", memberId).where("revokedAt", "is", null).where(erased).compile(),
  (db, memberId, erased, now) =>
    db.updateTable("sessions").set({ endedAt: now }).where("memberId", "=", memberId).where("endedAt", "is", null).where(erased).compile(),
  (db, memberId, erased) => db.deleteFrom("sign_in_identities").where("memberId", "=", memberId).where(erased).compile(),
  (db, memberId, erased) => db.deleteFrom("email_sign_in_links").where("memberId", "=", memberId).where(erased).compile(),
  // The security events stay as facts (a sign-in happened) but no longer say whose.
  (db, memberId, erased) =>
    db
      .updateTable("security_events")
      .set({ actorId: null, detail: null })
      .where((eb) => eb.or([eb("actorId", "=", memberId), eb(sql`instr(detail, ${memberId})`, ">", 0)]))
      .where(erased)
      .compile(),
];

type ErasedCheck = ReturnType<typeof erasedWith>;

/** True inside the batch once the person's row carries this erasure's mark. */
function erasedWith(db: Kysely<DB>, table: "group_members" | "experts", id: string, mark: string) {
  return () => sql<boolean>`exists (select 1 from ${sql.table(table)} where id = ${id} and erasedAt = ${mark})`;
}

/** A command's content goes; one not yet sent is stopped, as failed, so it is never sent empty. */
const clearedCommand = (now: string) => ({
  payload: "{}",
  status: sql<"pending" | "done" | "failed">`case when status = 'pending' then 'failed' else status end`,
  lastError: sql<string | null>`case when status = 'pending' then 'not sent: personal data erased' else null end`,
  updatedAt: now,
});

/** Mail and calendar commands that hold the person's address or name: their content goes, undelivered ones stop. */
function clearCopies(db: Kysely<DB>, person: ErasedPerson, erased: ErasedCheck, now: string): CompiledQuery[] {
  // instr() with an empty needle matches every row: skip what is already blank.
  const needles = [person.email, JSON.stringify(person.name).slice(1, -1)].filter((n) => n.trim() !== "");
  if (needles.length === 0) return [];
  return [
    db
      .updateTable("outbox")
      .set(clearedCommand(now))
      .where((eb) => eb.or(needles.flatMap((n) => [eb(sql`instr(payload, ${n})`, ">", 0), eb(sql`instr(coalesce(lastError, ''), ${n})`, ">", 0)])))
      .where(erased)
      .compile(),
  ];
}

function deleteFeedback(db: Kysely<DB>, email: string, erased: ErasedCheck | null): CompiledQuery[] {
  if (email.trim() === "") return [];
  let q = withFeedback(db).deleteFrom("accessibility_feedback").where("email", "=", email);
  if (erased) q = q.where(erased);
  return [q.compile()];
}

function auditErasure(db: Kysely<DB>, entityType: "member" | "expert", id: string, ctx: ErasureContext, erased: ErasedCheck) {
  // The fact only: who erased whom (by id) and when; nothing of what was erased.
  const select = db
    .selectFrom(entityType === "member" ? "group_members" : "experts")
    .select([
      sql<string>`${ctx.mark}`.as("at"),
      sql<string>`${"coordinator"}`.as("actorType"),
      sql<string>`${ctx.actorId}`.as("actorId"),
      sql<string>`${"person.erased"}`.as("action"),
      sql<string>`${entityType}`.as("entityType"),
      "id as entityId",
    ])
    .where("id", "=", id)
    .where(erased);
  return db.insertInto("audit_entries").columns(["at", "actorType", "actorId", "action", "entityType", "entityId"]).expression(select).compile();
}

/** A member's erasure: the record, their writing, their evaluations' link to them, their access. */
export function memberErasure(db: Kysely<DB>, member: ErasedPerson, ctx: ErasureContext): CompiledQuery[] {
  const erased = erasedWith(db, "group_members", member.id, ctx.mark);
  const authored = (table: "briefs" | "topics") => db.selectFrom(table).select("id").where("createdBy", "=", member.id);
  return [
    db
      .updateTable("group_members")
      .set({ name: ERASED_NAME, email: ERASED_EMAIL, erasedAt: ctx.mark })
      .where("id", "=", member.id)
      .where("erasedAt", "is", null)
      .where(({ not, exists }) => not(exists(liveConsultationsOfMembers(db, [member.id], ctx.mark))))
      .compile(),
    ...endAccessStatements.map((statement) => statement(db, member.id, erased, ctx.mark)),
    // A mail to the expert quotes the member's brief: its copy goes with the brief (before the brief loses its author below).
    db
      .updateTable("outbox")
      .set(clearedCommand(ctx.mark))
      .where("consultationId", "in", (eb) =>
        eb.selectFrom("consultations").select("id").where((w) => w.or([w("briefId", "in", authored("briefs")), w("topicId", "in", authored("topics"))])),
      )
      .where(erased)
      .compile(),
    db.updateTable("brief_questions").set({ text: REMOVED_TEXT }).where("briefId", "in", authored("briefs")).where(erased).compile(),
    db
      .updateTable("briefs")
      // SET reads the row as it was, so the length is the text's before it goes.
      .set({ challengeLength: sql`coalesce(challengeLength, length(challenge))`, challenge: REMOVED_TEXT, createdBy: null })
      .where("createdBy", "=", member.id)
      .where(erased)
      .compile(),
    db.updateTable("topics").set({ title: REMOVED_TEXT, description: REMOVED_TEXT, createdBy: null }).where("createdBy", "=", member.id).where(erased).compile(),
    unlinkEvaluations(db, "member", member.id, erased),
    clearCloseReasons(db)
      .where("status", "=", "cancelled")
      .where("id", "in", (eb) =>
        eb
          .selectFrom("audit_entries")
          .select("entityId")
          .where("action", "=", "consultation.cancelled")
          .where("actorType", "=", "member")
          .where("actorId", "=", member.id),
      )
      .where(erased)
      .compile(),
    ...clearCopies(db, member, erased, ctx.mark),
    ...deleteFeedback(db, member.email, erased),
    auditErasure(db, "member", member.id, ctx, erased),
  ];
}

/** An expert's erasure: the directory entry's name and address, their links, reasons and evaluations' link. */
export function expertErasure(db: Kysely<DB>, expert: ErasedPerson, ctx: ErasureContext): CompiledQuery[] {
  const erased = erasedWith(db, "experts", expert.id, ctx.mark);
  const theirs = db.selectFrom("consultations").select("id").where("expertId", "=", expert.id);
  return [
    db
      .updateTable("experts")
      .set({ name: ERASED_NAME, email: ERASED_EMAIL, erasedAt: ctx.mark })
      .where("id", "=", expert.id)
      .where("erasedAt", "is", null)
      .where(({ not, exists }) => not(exists(liveConsultationsOfExperts(db, [expert.id], ctx.mark))))
      .compile(),
    db.updateTable("expert_links").set({ revokedAt: ctx.mark }).where("consultationId", "in", theirs).where("revokedAt", "is", null).where(erased).compile(),
    unlinkEvaluations(db, "expert", expert.id, erased),
    // A declined consultation's reason is the expert's own words.
    clearCloseReasons(db)
      .where("expertId", "=", expert.id)
      .where("status", "=", "declined")
      .where(erased)
      .compile(),
    ...clearCopies(db, expert, erased, ctx.mark),
    ...deleteFeedback(db, expert.email, erased),
    auditErasure(db, "expert", expert.id, ctx, erased),
  ];
}

/** Someone who only sent accessibility feedback: the feedback goes, with an audit entry per message. */
export function feedbackErasure(db: Kysely<DB>, email: string, ctx: ErasureContext): CompiledQuery[] {
  if (email.trim() === "") return [];
  const audit = withFeedback(db)
    .selectFrom("accessibility_feedback")
    .select([
      sql<string>`${ctx.mark}`.as("at"),
      sql<string>`${"coordinator"}`.as("actorType"),
      sql<string>`${ctx.actorId}`.as("actorId"),
      sql<string>`${"person.erased"}`.as("action"),
      sql<string>`${"accessibility_feedback"}`.as("entityType"),
      "id as entityId",
    ])
    .where("email", "=", email);
  return [
    withFeedback(db).insertInto("audit_entries").columns(["at", "actorType", "actorId", "action", "entityType", "entityId"]).expression(audit).compile(),
    ...deleteFeedback(db, email, null),
  ];
}

/** Evaluations keep their figures for the report; the author's id and their words go. */
function unlinkEvaluations(db: Kysely<DB>, side: "member" | "expert", authorId: string, erased: ErasedCheck) {
  return db
    .updateTable("evaluations")
    .set({ authorId: unlinkedAuthor, followUpTopic: null, learnings: null, improvements: null })
    .where("side", "=", side)
    .where("authorId", "=", authorId)
    .where(erased)
    .compile();
}
