import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
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
    .leftJoin("group_members as creator", "creator.id", "c.createdBy")
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
    db.selectFrom("group_members").select(["name", "email"]).where("groupId", "=", row.groupId).orderBy("createdAt").orderBy("id").execute(),
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
    members,
    creator: row.creatorName && row.creatorEmail ? { name: row.creatorName, email: row.creatorEmail } : null,
    slot: row.start && row.end ? { start: row.start, end: row.end } : null,
    link: `${publicBaseUrl}/app/consultations/${row.id}`,
    ownMeetingUrl: row.ownMeetingUrl,
  };
}

export function meetingSubject(d: Pick<MeetingDetails, "topicTitle">): string {
  return `Samråd: ${d.topicTitle}`;
}

/** The calendar body: the brief (challenge and questions) and the consultation's link. */
export function meetingBody(d: MeetingDetails): string {
  const questions = d.questions.map((q, i) => `${i + 1}. ${q}`).join("\n");
  return [
    `Nordic consultation: ${d.topicTitle}`,
    `Development group: ${d.groupName} (${d.groupOrganisation})`,
    "",
    "Challenge:",
    d.challenge,
    "",
    "Questions:",
    questions,
    "",
    `Consultation: ${d.link}`,
  ].join("\n");
}
