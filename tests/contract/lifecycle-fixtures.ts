/**
 * Consultations in any stored state with times placed around a chosen "now", written straight
 * into the database (no API), for the lifecycle contracts on both engines. Nothing here may import
 * Node-only or Workers-only modules.
 */
import type { Kysely } from "kysely";
import type { AtomicWrite } from "../../src/db/atomic.js";
import type { ConsultationStatus, DB } from "../../src/db/schema.js";
import type { LifecycleFacts } from "../../src/consultations/transitions.js";

export interface LifecycleTarget {
  db: Kysely<DB>;
  atomic: AtomicWrite;
}

export const STATES: ConsultationStatus[] = ["draft", "requested", "confirmed", "held", "evaluated", "declined", "cancelled", "expired"];

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Where the two proposed times of the current round lie relative to now, and what else is recorded. */
export interface Scene {
  name: string;
  /** Start offsets of the current round's two times, in minutes from now (each lasts 45 minutes). */
  starts: [number, number];
  noShow?: boolean;
  evaluationClosed?: boolean;
  bothSidesEvaluated?: boolean;
  /** The current round is the expert's counter-proposal (slotsProposedBy = expert). */
  expertRound?: boolean;
}

export const SCENES: Scene[] = [
  { name: "both times ahead", starts: [DAY / MIN, (2 * DAY) / MIN] },
  { name: "first time in progress, second ahead", starts: [-10, DAY / MIN] },
  { name: "both times started, first session just ended", starts: [-60, -30] },
  { name: "first session ended, both sides evaluated", starts: [-120, -60], bothSidesEvaluated: true },
  { name: "first session ended, recorded as a no-show", starts: [-120, -60], noShow: true },
  { name: "first session ended, evaluation closed early", starts: [-120, -60], evaluationClosed: true },
  { name: "both sessions three weeks ago", starts: [(-21 * DAY) / MIN, (-20 * DAY) / MIN] },
  { name: "the expert's own times, both ahead", starts: [DAY / MIN, (2 * DAY) / MIN], expertRound: true },
  { name: "the expert's own times, first in progress, second ahead", starts: [-10, DAY / MIN], expertRound: true },
  { name: "the expert's own times, both started", starts: [-60, -30], expertRound: true },
];

export interface Parent {
  groupId: string;
  memberId: string;
  expertId: string;
  topicId: string;
  briefId: string;
}

/** One organisation, expert, group, member, topic and brief that every fixture consultation hangs on. */
export async function seedParent(t: LifecycleTarget): Promise<Parent> {
  const id = () => crypto.randomUUID();
  const at = "2027-01-01T00:00:00.000Z";
  const p = { orgId: id(), expertId: id(), groupId: id(), memberId: id(), topicId: id(), briefId: id() };
  const { db } = t;
  await t.atomic([
    db
      .insertInto("organisations")
      .values({ id: p.orgId, name: "Invented Institute", country: "SE", website: null, nationallySignificant: 1, innovative: 0, evidenceBased: 0, criteriaNote: null, createdAt: at })
      .compile(),
    db
      .insertInto("experts")
      .values({ id: p.expertId, organisationId: p.orgId, name: "Ebba Exempel", email: "ebba.exempel@example.org", languages: '["sv"]', themes: '["test"]', timeZone: "Europe/Stockholm", createdAt: at })
      .compile(),
    db.insertInto("dev_groups").values({ id: p.groupId, name: "Testiryhmä", organisation: "Keksitty hyvinvointialue", createdAt: at }).compile(),
    db.insertInto("group_members").values({ id: p.memberId, groupId: p.groupId, name: "Maija Keksitty", email: "maija.keksitty@example.fi", createdAt: at }).compile(),
    db.insertInto("topics").values({ id: p.topicId, groupId: p.groupId, title: "Test topic", theme: "test", description: "A topic for tests.", createdAt: at }).compile(),
    db.insertInto("briefs").values({ id: p.briefId, topicId: p.topicId, groupId: p.groupId, challenge: "A challenge.", language: "en", createdAt: at }).compile(),
  ]);
  return p;
}

export interface Fixture {
  consultationId: string;
  slotIds: [string, string];
  facts: LifecycleFacts;
}

/**
 * A consultation stored as `state` in `scene`. Every state but draft and requested has the first
 * time confirmed (a declined or cancelled one was confirmed before), so the time guards have a
 * session to look at.
 */
export async function insertFixture(t: LifecycleTarget, parent: Parent, state: ConsultationStatus, scene: Scene, now: Date): Promise<Fixture> {
  const id = crypto.randomUUID();
  const slotIds: [string, string] = [crypto.randomUUID(), crypto.randomUUID()];
  const slots = scene.starts.map((offset, i) => {
    const start = new Date(now.getTime() + offset * MIN);
    return { id: slotIds[i]!, start: start.toISOString(), end: new Date(start.getTime() + 45 * MIN).toISOString() };
  });
  const confirmed = state === "draft" || state === "requested" ? null : slots[0]!;
  const at = new Date(now.getTime() - 30 * DAY).toISOString();
  const { db } = t;
  const evaluation = (side: "member" | "expert", authorId: string) =>
    db
      .insertInto("evaluations")
      .values({
        id: crypto.randomUUID(),
        consultationId: id,
        side,
        authorId,
        usefulness: 4,
        preparation: 4,
        technicalQuality: 5,
        durationFit: "right",
        actualMinutes: null,
        wouldRecommend: 1,
        followUpInterest: 0,
        followUpTopic: null,
        learnings: null,
        improvements: null,
        submittedAt: at,
        updatedAt: at,
      })
      .compile();
  await t.atomic([
    db
      .insertInto("consultations")
      .values({
        id,
        groupId: parent.groupId,
        topicId: parent.topicId,
        briefId: parent.briefId,
        expertId: parent.expertId,
        createdBy: parent.memberId,
        durationMinutes: 45,
        status: state,
        slotRound: 0,
        slotsProposedBy: scene.expertRound ? "expert" : "group",
        confirmedSlotId: null,
        requestedAt: null,
        confirmedAt: null,
        closedAt: null,
        closeReason: null,
        changeId: crypto.randomUUID(),
        createdAt: at,
        updatedAt: at,
        noShow: scene.noShow ? 1 : 0,
        evaluationClosedAt: scene.evaluationClosed ? new Date(now.getTime() - MIN).toISOString() : null,
      })
      .compile(),
    db.insertInto("proposed_slots").values(slots.map((s) => ({ ...s, consultationId: id, round: 0 }))).compile(),
    ...(confirmed ? [db.updateTable("consultations").set({ confirmedSlotId: confirmed.id }).where("id", "=", id).compile()] : []),
    ...(scene.bothSidesEvaluated ? [evaluation("member", parent.memberId), evaluation("expert", parent.expertId)] : []),
  ]);
  return {
    consultationId: id,
    slotIds,
    facts: {
      status: state,
      slots,
      confirmedSlot: confirmed,
      slotsProposedBy: scene.expertRound ? "expert" : "group",
      noShow: scene.noShow === true,
      evaluationClosedAt: scene.evaluationClosed ? new Date(now.getTime() - MIN).toISOString() : null,
      evaluatedSides: { member: scene.bothSidesEvaluated === true, expert: scene.bothSidesEvaluated === true },
    },
  };
}

/** Everything a transition may touch for one consultation: the row, its audit trail and its events. */
export async function snapshot(db: Kysely<DB>, consultationId: string) {
  const [row, audit, events, deliveries] = await Promise.all([
    db.selectFrom("consultations").selectAll().where("id", "=", consultationId).executeTakeFirstOrThrow(),
    db.selectFrom("audit_entries").select(["action", "actorType"]).where("entityType", "=", "consultation").where("entityId", "=", consultationId).orderBy("id").execute(),
    db.selectFrom("consultation_events").select(["type", "fromStatus", "toStatus", "actorType"]).where("consultationId", "=", consultationId).orderBy("id").execute(),
    db.selectFrom("outbox").select(["kind", "eventId"]).where("consultationId", "=", consultationId).execute(),
  ]);
  return { row, audit, events, deliveries };
}
