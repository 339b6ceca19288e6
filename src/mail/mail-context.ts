import { sql, type Kysely } from "kysely";
import type { ConsultationStatus, DB, MailRecipientRole, MeetingRow } from "../db/schema.js";
import { isLang, type Lang } from "../pages/i18n/index.js";
import type { Reader } from "./human-hours.js";
import { expertLanguage } from "./languages.js";

/** One person a message can go to, with what their message depends on. */
export interface Recipient extends Reader {
  role: MailRecipientRole;
  id: string;
  name: string;
  email: string;
  lang: Lang;
}

/** A consultation as the mail consumer sees it: read fresh for each planning and each send. */
export interface MailContext {
  consultationId: string;
  status: ConsultationStatus;
  round: number;
  durationMinutes: number;
  requestedAt: string | null;
  noShow: boolean;
  evaluationClosedAt: string | null;
  topicTitle: string;
  challenge: string;
  questions: string[];
  group: { name: string; organisation: string; zone: string; country: string };
  expert: Recipient;
  members: Recipient[];
  /** The proposed times of the current round. */
  slots: { id: string; start: string; end: string }[];
  confirmedSlot: { start: string; end: string } | null;
  meeting: MeetingRow | null;
  /** Who has evaluated: "expert" or a member's id. */
  evaluatedBy: Set<string>;
  /** The newest expert link's sealed secret, when mail was configured at the request. */
  linkSealed: string | null;
}

export async function loadMailContext(db: Kysely<DB>, consultationId: string): Promise<MailContext | undefined> {
  const row = await db
    .selectFrom("consultations as c")
    .innerJoin("topics as t", "t.id", "c.topicId")
    .innerJoin("briefs as b", "b.id", "c.briefId")
    .innerJoin("experts as e", "e.id", "c.expertId")
    .innerJoin("organisations as o", "o.id", "e.organisationId")
    .innerJoin("dev_groups as g", "g.id", "c.groupId")
    .leftJoin("proposed_slots as s", "s.id", "c.confirmedSlotId")
    .select([
      "c.id", "c.status", "c.slotRound", "c.durationMinutes", "c.requestedAt", "c.noShow", "c.evaluationClosedAt", "c.groupId", "c.briefId",
      "t.title", "b.challenge",
      "e.id as expertId", "e.name as expertName", "e.email as expertEmail", "e.languages as expertLanguages", "e.preferredLanguage as expertPreferredLanguage", "e.timeZone as expertZone", "o.country as expertCountry",
      "g.name as groupName", "g.organisation as groupOrganisation", "g.timeZone as groupZone", "g.country as groupCountry",
      "s.start", "s.end",
    ])
    .where("c.id", "=", consultationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [questions, members, slots, meeting, evaluations, link] = await Promise.all([
    db.selectFrom("brief_questions").select("text").where("briefId", "=", row.briefId).orderBy("position").execute(),
    db.selectFrom("group_members").select(["id", "name", "email", "language"]).where("groupId", "=", row.groupId).orderBy("createdAt").orderBy("id").execute(),
    db.selectFrom("proposed_slots").select(["id", "start", "end"]).where("consultationId", "=", consultationId).where("round", "=", row.slotRound).orderBy("start").execute(),
    db.selectFrom("meetings").selectAll().where("consultationId", "=", consultationId).executeTakeFirst(),
    db.selectFrom("evaluations").select(["side", "authorId"]).where("consultationId", "=", consultationId).execute(),
    // A link not ended by a newer one first (issue 12: a member may issue a new link).
    db.selectFrom("expert_links").select("secretSealed").where("consultationId", "=", consultationId).orderBy(sql`revokedAt IS NULL`, "desc").orderBy("issuedAt", "desc").executeTakeFirst(),
  ]);
  const group = { name: row.groupName, organisation: row.groupOrganisation, zone: row.groupZone, country: row.groupCountry };
  return {
    consultationId: row.id,
    status: row.status,
    round: row.slotRound,
    durationMinutes: row.durationMinutes,
    requestedAt: row.requestedAt,
    noShow: row.noShow === 1,
    evaluationClosedAt: row.evaluationClosedAt,
    topicTitle: row.title,
    challenge: row.challenge,
    questions: questions.map((q) => q.text),
    group,
    expert: {
      role: "expert",
      id: row.expertId,
      name: row.expertName,
      email: row.expertEmail,
      // The language the expert chose on their page comes first (issue 12), then the ones they listed.
      lang: row.expertPreferredLanguage ?? expertLanguage(JSON.parse(row.expertLanguages) as string[]),
      zone: row.expertZone,
      country: row.expertCountry,
    },
    members: members.map((m) => ({ role: "member", id: m.id, name: m.name, email: m.email, lang: isLang(m.language) ? m.language : "fi", zone: group.zone, country: group.country })),
    slots,
    confirmedSlot: row.start && row.end ? { start: row.start, end: row.end } : null,
    meeting: meeting ?? null,
    evaluatedBy: new Set(evaluations.map((e) => (e.side === "expert" ? "expert" : e.authorId))),
    linkSealed: link?.secretSealed ?? null,
  };
}

export const everyone = (ctx: MailContext): Recipient[] => [...ctx.members, ctx.expert];

export function recipientOf(ctx: MailContext, role: MailRecipientRole, id: string): Recipient | undefined {
  return role === "expert" ? (ctx.expert.id === id ? ctx.expert : undefined) : ctx.members.find((m) => m.id === id);
}
