/**
 * The lifecycle table against the database, on better-sqlite3 (Node) and D1 (workerd): for every
 * action, every stored state and every time relation, the conditional write changes the row
 * exactly when the table (mayTake) says it may, and then writes one audit entry and one event;
 * otherwise nothing at all changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { planTransition } from "../../src/consultations/transition-writes.js";
import { ACTIONS, TRANSITIONS, mayTake, targetOf, type Action } from "../../src/consultations/transitions.js";
import { SCENES, STATES, insertFixture, seedParent, snapshot, type LifecycleTarget, type Parent } from "./lifecycle-fixtures.js";

export function transitionsContract(makeTarget: () => Promise<LifecycleTarget>): void {
  let t: LifecycleTarget;
  let parent: Parent;
  beforeAll(async () => {
    t = await makeTarget();
    parent = await seedParent(t);
  });

  describe("the lifecycle table, as the conditional writes enforce it", () => {
    it.each(ACTIONS)("%s: changes the row exactly when the table allows it, and nothing otherwise", async (action: Action) => {
      const rule = TRANSITIONS[action];
      const actor = rule.by[0]!;
      const now = new Date();
      const mismatches: string[] = [];
      let applied = 0;
      for (const state of STATES) {
        for (const scene of SCENES) {
          for (const chosen of action === "confirm" || action === "acceptCounter" ? [0, 1] : [undefined]) {
            const f = await insertFixture(t, parent, state, scene, now);
            const slotId = chosen === undefined ? undefined : f.slotIds[chosen];
            const expected = mayTake(action, f.facts, actor, now, slotId);
            const before = await snapshot(t.db, f.consultationId);
            const plan = planTransition(t.db, {
              action,
              actor: { kind: actor, id: actor === "system" ? null : parent.memberId },
              at: now,
              consultationId: f.consultationId,
              groupId: actor === "member" ? parent.groupId : undefined,
              slotId,
            });
            const [result] = await t.atomic([plan.update, ...plan.records]);
            const after = await snapshot(t.db, f.consultationId);
            const label = `${state} / ${scene.name}${chosen === undefined ? "" : ` / time ${chosen + 1}`}`;
            if ((result!.changes === 1) !== expected) {
              mismatches.push(`${label}: table says ${expected ? "allowed" : "refused"}, the write changed ${result!.changes} rows`);
              continue;
            }
            if (!expected) {
              if (JSON.stringify(after) !== JSON.stringify(before)) mismatches.push(`${label}: refused, yet something changed`);
              continue;
            }
            applied++;
            const target = targetOf(action, state);
            if (after.row.status !== target) mismatches.push(`${label}: status ${after.row.status}, expected ${target}`);
            const newAudit = after.audit.slice(before.audit.length);
            const newEvents = after.events.slice(before.events.length);
            if (newAudit.length !== 1 || newAudit[0]!.action !== rule.event) mismatches.push(`${label}: audit ${JSON.stringify(newAudit)}`);
            const event = { type: rule.event, fromStatus: state, toStatus: target, actorType: actor };
            if (JSON.stringify(newEvents) !== JSON.stringify([event])) mismatches.push(`${label}: events ${JSON.stringify(newEvents)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      // Every action is possible somewhere: a guard that never holds would pass the loop above.
      expect(applied).toBeGreaterThan(0);
    });

    it("writes the calendar's delivery record with a confirmation, and with a cancellation only when there was a meeting", async () => {
      const now = new Date();
      const requested = await insertFixture(t, parent, "requested", SCENES[0]!, now);
      const confirm = planTransition(t.db, { action: "confirm", actor: { kind: "expert", id: parent.expertId }, at: now, consultationId: requested.consultationId, slotId: requested.slotIds[0] });
      await t.atomic([confirm.update, ...confirm.records]);
      const cancel = planTransition(t.db, { action: "cancel", actor: { kind: "member", id: parent.memberId }, at: now, consultationId: requested.consultationId, groupId: parent.groupId });
      await t.atomic([cancel.update, ...cancel.records]);
      const draft = await insertFixture(t, parent, "draft", SCENES[0]!, now);
      const cancelDraft = planTransition(t.db, { action: "cancel", actor: { kind: "member", id: parent.memberId }, at: now, consultationId: draft.consultationId, groupId: parent.groupId });
      await t.atomic([cancelDraft.update, ...cancelDraft.records]);
      expect((await snapshot(t.db, requested.consultationId)).deliveries.map((d) => d.kind).filter((k) => k === "meeting.sync")).toEqual(["meeting.sync", "meeting.sync"]);
      expect((await snapshot(t.db, draft.consultationId)).deliveries.filter((d) => d.kind === "meeting.sync")).toEqual([]);
    });

    it("never lets a member's write reach another group's consultation", async () => {
      const now = new Date();
      const f = await insertFixture(t, parent, "requested", SCENES[0]!, now);
      const plan = planTransition(t.db, { action: "cancel", actor: { kind: "member", id: parent.memberId }, at: now, consultationId: f.consultationId, groupId: "another-group" });
      const [result] = await t.atomic([plan.update, ...plan.records]);
      expect(result!.changes).toBe(0);
      expect((await snapshot(t.db, f.consultationId)).row.status).toBe("requested");
    });
  });
}
