import type { Kysely } from "kysely";
import type { ConsultationStatus, DB } from "../db/schema.js";
import { effectiveStatus } from "./lifecycle.js";
import type { Consultation, Slot } from "./consultations.schemas.js";

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("consultations as c")
    .innerJoin("topics as t", "t.id", "c.topicId")
    .innerJoin("experts as e", "e.id", "c.expertId")
    .innerJoin("organisations as o", "o.id", "e.organisationId")
    .leftJoin("meetings as m", "m.consultationId", "c.id")
    .select([
      "c.id",
      "c.status",
      "c.groupId",
      "c.briefId",
      "c.durationMinutes",
      "c.slotRound",
      "c.confirmedSlotId",
      "c.requestedAt",
      "c.confirmedAt",
      "c.closedAt",
      "c.createdAt",
      "c.updatedAt",
      "t.id as topicId",
      "t.title as topicTitle",
      "t.theme as topicTheme",
      "e.id as expertId",
      "e.name as expertName",
      "e.timeZone as expertTimeZone",
      "o.name as orgName",
      "o.country as orgCountry",
      "m.provider as meetingProvider",
      "m.joinUrl as meetingJoinUrl",
      "m.iCalUId as meetingICalUId",
      "m.start as meetingStart",
      "m.end as meetingEnd",
      "m.cancelledAt as meetingCancelledAt",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;
type SlotWithRound = Slot & { consultationId: string; round: number };

function toView(r: Row, slots: SlotWithRound[], now: Date): Consultation {
  const current = slots.filter((s) => s.consultationId === r.id && s.round === r.slotRound);
  const confirmed = slots.find((s) => s.id === r.confirmedSlotId) ?? null;
  const strip = (s: SlotWithRound): Slot => ({ id: s.id, start: s.start, end: s.end });
  return {
    id: r.id,
    status: effectiveStatus(r.status, confirmed, current, now),
    groupId: r.groupId,
    topic: { id: r.topicId, title: r.topicTitle, theme: r.topicTheme },
    briefId: r.briefId,
    expert: { id: r.expertId, name: r.expertName, organisation: r.orgName, country: r.orgCountry, timeZone: r.expertTimeZone },
    durationMinutes: r.durationMinutes,
    slots: current.map(strip),
    confirmedSlot: confirmed && r.status !== "requested" ? strip(confirmed) : null,
    meeting:
      r.meetingProvider && r.meetingICalUId && r.meetingStart && r.meetingEnd
        ? {
            provider: r.meetingProvider,
            state: r.meetingCancelledAt ? "cancelled" : "scheduled",
            joinUrl: r.meetingJoinUrl,
            iCalUId: r.meetingICalUId,
            start: r.meetingStart,
            end: r.meetingEnd,
          }
        : null,
    requestedAt: r.requestedAt,
    confirmedAt: r.confirmedAt,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function slotsFor(db: Kysely<DB>, ids: string[]): Promise<SlotWithRound[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("proposed_slots")
    .select(["id", "consultationId", "round", "start", "end"])
    .where("consultationId", "in", ids)
    .orderBy("start")
    .execute();
}

/** One consultation as its group (groupId) or the coordinator (null) may see it. */
export async function findConsultation(db: Kysely<DB>, id: string, groupId: string | null, now: Date): Promise<Consultation | undefined> {
  let q = baseQuery(db).where("c.id", "=", id);
  if (groupId) q = q.where("c.groupId", "=", groupId);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return toView(row, await slotsFor(db, [row.id]), now);
}

export async function listConsultations(
  db: Kysely<DB>,
  filter: { groupId: string | null; status?: ConsultationStatus; limit: number },
  now: Date,
): Promise<Consultation[]> {
  let q = baseQuery(db);
  if (filter.groupId) q = q.where("c.groupId", "=", filter.groupId);
  if (filter.status) q = q.where("c.status", "=", filter.status);
  const rows = await q.orderBy("c.createdAt", "desc").orderBy("c.id").limit(filter.limit).execute();
  // D1 binds at most 100 parameters per statement: fetch slots in chunks.
  const slots: SlotWithRound[] = [];
  for (let i = 0; i < rows.length; i += 90) slots.push(...(await slotsFor(db, rows.slice(i, i + 90).map((r) => r.id))));
  return rows.map((r) => toView(r, slots, now));
}

/** The raw row with its stored status, for services that decide a transition. */
export async function findConsultationRow(db: Kysely<DB>, id: string) {
  return db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
}
