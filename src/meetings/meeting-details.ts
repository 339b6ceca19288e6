import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { catalogues, type Lang } from "../pages/i18n/index.js";
import { expertLanguage } from "../mail/languages.js";
import type { Attendee } from "./scheduler.js";

/** Everything needed to describe a consultation's meeting in a calendar. */
export interface MeetingDetails {
  consultationId: string;
  status: DB["consultations"]["status"];
  topicTitle: string;
  groupName: string;
  groupOrganisation: string;
  challenge: string;
  questions: string[];
  expert: Attendee;
  /** The language the expert reads mail and invitations in. */
  expertLang: Lang;
  members: Attendee[];
  /** The member who created the consultation, when known. */
  creator: Attendee | null;
  slot: { start: string; end: string } | null;
  link: string;
  /** The meeting link the group pasted itself (no tenant); a tenant's join link replaces it. */
  ownMeetingUrl: string | null;
}

export async function loadMeetingDetails(db: Kysely<DB>, consultationId: string, publicBaseUrl: string): Promise<MeetingDetails | undefined> {
  const row = await db
    .selectFrom("consultations as c")
    .innerJoin("topics as t", "t.id", "c.topicId")
    .innerJoin("briefs as b", "b.id", "c.briefId")
    .innerJoin("experts as e", "e.id", "c.expertId")
    .innerJoin("dev_groups as g", "g.id", "c.groupId")
    .leftJoin("proposed_slots as s", "s.id", "c.confirmedSlotId")
    // An erased member is no longer invited: their address is gone (src/privacy).
    .leftJoin("group_members as creator", (join) => join.onRef("creator.id", "=", "c.createdBy").on("creator.erasedAt", "is", null))
    .select([
      "c.id",
      "c.status",
      "c.groupId",
      "c.briefId",
      "c.ownMeetingUrl",
      "t.title",
      "g.name as groupName",
      "g.organisation as groupOrganisation",
      "b.challenge",
      "e.name as expertName",
      "e.email as expertEmail",
      "e.languages as expertLanguages",
      "s.start",
      "s.end",
      "creator.name as creatorName",
      "creator.email as creatorEmail",
    ])
    .where("c.id", "=", consultationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [questions, members] = await Promise.all([
    db.selectFrom("brief_questions").select("text").where("briefId", "=", row.briefId).orderBy("position").execute(),
    db.selectFrom("group_members").select(["name", "email"]).where("groupId", "=", row.groupId).where("removedAt", "is", null).where("erasedAt", "is", null).orderBy("createdAt").orderBy("id").execute(),
  ]);
  return {
    consultationId: row.id,
    status: row.status,
    topicTitle: row.title,
    groupName: row.groupName,
    groupOrganisation: row.groupOrganisation,
    challenge: row.challenge,
    questions: questions.map((q) => q.text),
    expert: { name: row.expertName, email: row.expertEmail },
    expertLang: expertLanguage(JSON.parse(row.expertLanguages) as string[]),
    members,
    creator: row.creatorName && row.creatorEmail ? { name: row.creatorName, email: row.creatorEmail } : null,
    slot: row.start && row.end ? { start: row.start, end: row.end } : null,
    link: `${publicBaseUrl}/app/consultations/${row.id}`,
    ownMeetingUrl: row.ownMeetingUrl,
  };
}

export function meetingSubject(d: Pick<MeetingDetails, "topicTitle">, lang: Lang): string {
  return catalogues[lang].mail.calendarTitle(d.topicTitle);
}

/** The calendar body in the reader's language: the brief and the reader's own link. */
export function meetingBody(d: MeetingDetails, lang: Lang, link: string): string {
  const t = catalogues[lang].mail;
  return [
    meetingSubject(d, lang),
    t.calendarGroup(d.groupName, d.groupOrganisation),
    "",
    `${t.challenge}:`,
    d.challenge,
    "",
    `${t.questions}:`,
    ...d.questions.map((q, i) => `${i + 1}. ${q}`),
    "",
    link,
  ].join("\n");
}
