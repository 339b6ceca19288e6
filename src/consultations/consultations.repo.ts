import { sql, type Kysely } from "kysely";
import type { ConsultationStatus, DB } from "../db/schema.js";
import { param, preparedQuery } from "../db/prepared.js";
import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import { effectiveStatus } from "./transitions.js";
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
      "c.closeReason",
      "c.slotsProposedBy",
      "c.ownMeetingUrl",
      "c.followUpOf",
      "c.fundingSource",
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
      // Every round's slots in the same statement: one round trip per consultation read.
      sql<string>`(select json_group_array(json_object('id', s.id, 'start', s.start, 'end', s."end", 'round', s.round))
        from proposed_slots s where s.consultationId = c.id)`.as("slotsJson"),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;
type SlotWithRound = Slot & { round: number };

function toView(r: Row, now: Date): Consultation {
  const slots = (JSON.parse(r.slotsJson) as SlotWithRound[]).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const current = slots.filter((s) => s.round === r.slotRound);
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
    round: r.slotRound,
    slotsProposedBy: r.slotsProposedBy,
    confirmedSlot: confirmed && r.status !== "requested" ? strip(confirmed) : null,
    meeting:
      r.meetingProvider && r.meetingICalUId && r.meetingStart && r.meetingEnd
        ? {
            provider: r.meetingProvider,
            state: r.meetingCancelledAt ? "cancelled" : "scheduled",
            // A tenant's Teams link wins; until then the link the group pasted itself.
            joinUrl: r.meetingJoinUrl ?? r.ownMeetingUrl,
            iCalUId: r.meetingICalUId,
            start: r.meetingStart,
            end: r.meetingEnd,
          }
        : null,
    requestedAt: r.requestedAt,
    confirmedAt: r.confirmedAt,
    closedAt: r.closedAt,
    closeReason: r.closeReason,
    ownMeetingUrl: r.ownMeetingUrl,
    followUpOf: r.followUpOf,
    fundingSource: r.fundingSource,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

// The hottest read of the service: prepared once per database.
const byId = preparedQuery<Row, { id: string }>((db) => baseQuery(db).where("c.id", "=", param<string>("id")));
const byIdInGroup = preparedQuery<Row, { id: string; groupId: string }>((db) =>
  baseQuery(db).where("c.id", "=", param<string>("id")).where("c.groupId", "=", param<string>("groupId")),
);

/**
 * The coordinator's read of one consultation as a compiled statement, to ride in a batch (a
 * transition's own, so the answer needs no round trip of its own); `consultationFromRow` makes
 * the view of its row.
 */
export const consultationQuery = (db: Kysely<DB>, id: string) => byId.statement(db, { id });
export const consultationFromRow = (row: Record<string, unknown>, now: Date): Consultation => toView(row as Row, now);
/** findConsultation for a group as a compiled statement, to ride in a page's batch. */
export const consultationInGroupQuery = (db: Kysely<DB>, id: string, groupId: string) => byIdInGroup.statement(db, { id, groupId });

/** One consultation as its group (groupId) or the coordinator (null) may see it. */
export async function findConsultation(db: Kysely<DB>, id: string, groupId: string | null, now: Date): Promise<Consultation | undefined> {
  const [row] = groupId ? await byIdInGroup(db, { id, groupId }) : await byId(db, { id });
  return row && toView(row, now);
}

// The expert's link and the consultation it opens, in one statement: the expert's pages and API
// resolve the link on every request, and on D1 each statement is a round trip.
const withLink = (db: Kysely<DB>) =>
  baseQuery(db)
    .innerJoin("expert_links as l", "l.consultationId", "c.id")
    .select(["l.secretHash as linkSecretHash", "l.expiresAt as linkExpiresAt", "l.revokedAt as linkRevokedAt"]);
const byLinkHashQuery = (db: Kysely<DB>) => withLink(db).where("l.secretHash", "=", param<string>("secretHash"));
type LinkRow = Awaited<ReturnType<ReturnType<typeof byLinkHashQuery>["executeTakeFirstOrThrow"]>>;
const byLinkHash = preparedQuery<LinkRow, { secretHash: string }>(byLinkHashQuery);

/** findConsultationByLinkHash as a compiled statement, to ride in one round trip with other reads. */
export const consultationByLinkHashQuery = (db: Kysely<DB>, secretHash: string) => byLinkHash.statement(db, { secretHash });
/** The row of consultationByLinkHashQuery as findConsultationByLinkHash gives it. */
export const linkedConsultationFromRow = (row: Record<string, unknown>, now: Date) => linkedConsultation(row as LinkRow, now);

function linkedConsultation(row: LinkRow, now: Date) {
  return { link: { secretHash: row.linkSecretHash, expiresAt: row.linkExpiresAt, revokedAt: row.linkRevokedAt }, consultation: toView(row, now) };
}

/** The link with this hash and its consultation (as the coordinator sees it), or undefined. */
export async function findConsultationByLinkHash(
  db: Kysely<DB>,
  secretHash: string,
  now: Date,
): Promise<{ link: { secretHash: string; expiresAt: string; revokedAt: string | null }; consultation: Consultation } | undefined> {
  const [row] = await byLinkHash(db, { secretHash });
  return row ? linkedConsultation(row, now) : undefined;
}

const NEWEST_FIRST = [{ column: "c.createdAt", desc: true }, { column: "c.id" }];

/** Newest first, one page at a time, as a compiled statement; consultationsPageFromRows reads its rows. */
export function listConsultationsQuery(db: Kysely<DB>, filter: { groupId: string | null; status?: ConsultationStatus }, page: PageRequest) {
  let q = baseQuery(db);
  if (filter.groupId) q = q.where("c.groupId", "=", filter.groupId);
  if (filter.status) q = q.where("c.status", "=", filter.status);
  if (page.after) q = q.where(afterKey(NEWEST_FIRST, page.after));
  return q.orderBy("c.createdAt", "desc").orderBy("c.id").limit(page.limit + 1).compile();
}

export function consultationsPageFromRows(rows: readonly Record<string, unknown>[], limit: number, now: Date): Page<Consultation> {
  const { items, nextCursor } = toPage("consultations", rows as Row[], limit, (r) => [r.createdAt, r.id]);
  return { items: items.map((r) => toView(r, now)), nextCursor };
}

/** Newest first, one page at a time. */
export async function listConsultations(
  db: Kysely<DB>,
  filter: { groupId: string | null; status?: ConsultationStatus },
  page: PageRequest,
  now: Date,
): Promise<Page<Consultation>> {
  const { rows } = await db.executeQuery(listConsultationsQuery(db, filter, page));
  return consultationsPageFromRows(rows as Record<string, unknown>[], page.limit, now);
}

export async function consultationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom("consultations").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** The raw row with its stored status, for services that decide a transition. */
export async function findConsultationRow(db: Kysely<DB>, id: string) {
  return db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface ConsultationSearch {
  status?: ConsultationStatus;
  theme?: string;
  country?: string;
  groupId?: string;
  /** On createdAt, like the report's period: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The coordinator's list as two statements for a batch: one page of rows, newest first, and the total. */
export function searchConsultationsQueries(db: Kysely<DB>, f: ConsultationSearch) {
  const filtered = <Q extends { where: (...args: any[]) => any }>(q: Q): Q => {
    let r: any = q;
    if (f.status) r = r.where("c.status", "=", f.status);
    if (f.theme) r = r.where("t.theme", "=", f.theme);
    if (f.country) r = r.where("o.country", "=", f.country);
    if (f.groupId) r = r.where("c.groupId", "=", f.groupId);
    if (f.from) r = r.where("c.createdAt", ">=", f.from);
    if (f.to) r = r.where("c.createdAt", "<", f.to);
    return r as Q;
  };
  const counted = filtered(
    db
      .selectFrom("consultations as c")
      .innerJoin("topics as t", "t.id", "c.topicId")
      .innerJoin("experts as e", "e.id", "c.expertId")
      .innerJoin("organisations as o", "o.id", "e.organisationId"),
  );
  return [
    filtered(baseQuery(db)).orderBy("c.createdAt", "desc").orderBy("c.id").limit(f.limit).offset(f.offset).compile(),
    counted.select((eb) => eb.fn.countAll<number>().as("n")).compile(),
  ] as const;
}

export function searchResultFromRows(rows: readonly Record<string, unknown>[], count: readonly { n: number }[], now: Date): { items: Consultation[]; total: number } {
  return { items: rows.map((r) => toView(r as Row, now)), total: Number(count[0]?.n ?? 0) };
}

/** The themes consultations have, for the coordinator's filter, as a statement for a batch. */
export const consultationThemesQuery = (db: Kysely<DB>) => db.selectFrom("topics").select("theme").distinct().orderBy("theme").compile();

/** The themes consultations have, for the coordinator's filter. */
