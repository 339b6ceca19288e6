/**
 * Random sequences of actions by random actors, some of them as concurrent pairs on two
 * connections to one SQLite file, against the real schema. After every step: an action the table
 * refuses changes nothing; an applied one leads where the table says; concurrent pairs end as one
 * of their two serial orders would. At the end the audit trail is exactly the applied
 * transitions, each with exactly one event.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSqlite, type SqliteHandle } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { planTransition, type TransitionRequest } from "../../src/consultations/transition-writes.js";
import { TRANSITIONS, mayTake, targetOf, type Action, type ActorKind, type LifecycleFacts } from "../../src/consultations/transitions.js";
import { insertFixture, seedParent, snapshot, type Parent } from "../contract/lifecycle-fixtures.js";

// Reschedule and completeEvaluation need rows written beside the transition (new slots, two
// evaluations); the table contract covers their guards. Every other action is drawn here.
const DRAWN: Action[] = ["request", "confirm", "decline", "cancel", "hold", "expire", "evaluate", "closeEvaluation", "recordOutcome", "setFunding"];
const ACTORS: ActorKind[] = ["member", "coordinator", "expert", "system"];

interface Step {
  action: Action;
  actor: ActorKind;
  slot: 0 | 1;
  noShow: boolean;
  /** Minutes the clock moves before the step. */
  advance: number;
}

// Mostly an actor the table allows (so sequences get deep), sometimes anyone at all.
const step = fc
  .record({ action: fc.constantFrom(...DRAWN), anyone: fc.constantFrom(...ACTORS), pick: fc.nat(), allowed: fc.nat({ max: 4 }) })
  .chain(({ action, anyone, pick, allowed }) => {
    const by = TRANSITIONS[action].by as readonly ActorKind[];
    return fc.record({
      action: fc.constant(action),
      actor: fc.constant(allowed > 0 ? by[pick % by.length]! : anyone),
      slot: fc.constantFrom(0 as const, 1 as const),
      noShow: fc.boolean(),
      advance: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 40 }), weight: 6 }, { arbitrary: fc.constant(15 * 24 * 60), weight: 1 }),
    });
  });
const move = fc.oneof({ arbitrary: step.map((s) => [s]), weight: 3 }, { arbitrary: fc.tuple(step, step.map((s) => ({ ...s, advance: 0 }))), weight: 1 });

let dir: string;
let a: SqliteHandle;
let b: SqliteHandle;
let parent: Parent;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "samrad-lifecycle-"));
  a = connectSqlite(join(dir, "db.sqlite"));
  migrateSqlite(a.raw);
  b = connectSqlite(join(dir, "db.sqlite"));
  parent = await seedParent(a);
});
afterAll(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The facts the guards read, as the database holds them now. */
async function factsNow(id: string): Promise<LifecycleFacts> {
  const { row } = await snapshot(a.db, id);
  const slots = await a.db.selectFrom("proposed_slots").select(["id", "start", "end"]).where("consultationId", "=", id).where("round", "=", row.slotRound).execute();
  const sides = await a.db.selectFrom("evaluations").select("side").where("consultationId", "=", id).execute();
  return {
    status: row.status,
    slots,
    confirmedSlot: slots.find((s) => s.id === row.confirmedSlotId) ?? null,
    noShow: row.noShow === 1,
    evaluationClosedAt: row.evaluationClosedAt,
    evaluatedSides: { member: sides.some((s) => s.side === "member"), expert: sides.some((s) => s.side === "expert") },
  };
}

/** What the table predicts an applied action does to the facts. */
function applyToFacts(f: LifecycleFacts, s: Step, slotId: string, now: Date): LifecycleFacts {
  const next = { ...f, status: targetOf(s.action, f.status) };
  if (s.action === "confirm") next.confirmedSlot = f.slots.find((x) => x.id === slotId) ?? null;
  if (s.action === "closeEvaluation") next.evaluationClosedAt = now.toISOString();
  if (s.action === "recordOutcome") next.noShow = s.noShow;
  return next;
}

function request(s: Step, id: string, slotIds: [string, string], now: Date): TransitionRequest {
  return {
    action: s.action,
    actor: { kind: s.actor, id: s.actor === "system" ? null : s.actor === "expert" ? parent.expertId : parent.memberId },
    at: now,
    consultationId: id,
    groupId: s.actor === "member" ? parent.groupId : undefined,
    slotId: slotIds[s.slot],
    set: s.action === "recordOutcome" ? { noShow: s.noShow ? 1 : 0 } : s.action === "setFunding" ? { fundingSource: "own_budget" } : undefined,
  };
}

/** Runs one step; a request the table refuses for this actor is refused before any SQL. */
async function run(handle: SqliteHandle, s: Step, id: string, slotIds: [string, string], now: Date): Promise<boolean> {
  if (!(TRANSITIONS[s.action].by as readonly ActorKind[]).includes(s.actor)) {
    expect(() => planTransition(handle.db, request(s, id, slotIds, now))).toThrow();
    return false;
  }
  const plan = planTransition(handle.db, request(s, id, slotIds, now));
  const [result] = await handle.atomic([plan.update, ...plan.records]);
  return result!.changes === 1;
}

const comparable = (f: LifecycleFacts) => ({ ...f, slots: [...f.slots].sort((x, y) => x.id!.localeCompare(y.id!)) });

describe("the lifecycle under random actions", () => {
  it("refused actions change nothing; applied ones follow the table; the trail is exactly the applied transitions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("draft" as const, "requested" as const, "confirmed" as const), fc.array(move, { minLength: 1, maxLength: 24 }), async (start, moves) => {
        let now = new Date("2027-05-03T06:00:00.000Z");
        const fixture = await insertFixture(a, parent, start, { name: "random", starts: [60, 180] }, now);
        const id = fixture.consultationId;
        const applied: string[] = [];
        for (const pair of moves) {
          now = new Date(now.getTime() + pair[0]!.advance * 60_000);
          const before = await factsNow(id);
          const beforeSnapshot = await snapshot(a.db, id);
          if (pair.length === 1) {
            const s = pair[0]!;
            const expected = mayTake(s.action, before, s.actor, now, fixture.slotIds[s.slot]);
            const ok = await run(a, s, id, fixture.slotIds, now);
            expect(ok).toBe(expected);
            if (ok) {
              applied.push(TRANSITIONS[s.action].event);
              expect(comparable(await factsNow(id))).toEqual(comparable(applyToFacts(before, s, fixture.slotIds[s.slot], now)));
            } else {
              expect(await snapshot(a.db, id)).toEqual(beforeSnapshot);
            }
            continue;
          }
          // A concurrent pair on two connections: the outcome must be one of the two serial orders.
          const [s1, s2] = pair as [Step, Step];
          const [ok1, ok2] = await Promise.all([run(a, s1, id, fixture.slotIds, now), run(b, s2, id, fixture.slotIds, now)]);
          const trail = (await snapshot(a.db, id)).audit.slice(beforeSnapshot.audit.length).map((e) => e.action);
          const serial = (first: Step, second: Step) => {
            const okFirst = mayTake(first.action, before, first.actor, now, fixture.slotIds[first.slot]);
            const mid = okFirst ? applyToFacts(before, first, fixture.slotIds[first.slot], now) : before;
            const okSecond = mayTake(second.action, mid, second.actor, now, fixture.slotIds[second.slot]);
            const end = okSecond ? applyToFacts(mid, second, fixture.slotIds[second.slot], now) : mid;
            const events = [...(okFirst ? [TRANSITIONS[first.action].event] : []), ...(okSecond ? [TRANSITIONS[second.action].event] : [])];
            return { events, end: comparable(end) };
          };
          const orders = [
            { oks: [ok1, ok2], ...serial(s1, s2), firstOk: ok1, secondOk: ok2 },
            { oks: [ok2, ok1], ...serial(s2, s1), firstOk: ok2, secondOk: ok1 },
          ];
          const after = comparable(await factsNow(id));
          const matching = orders.filter((o) => JSON.stringify(o.events) === JSON.stringify(trail) && JSON.stringify(o.end) === JSON.stringify(after));
          expect(matching.length, `pair ${s1.action}/${s1.actor} + ${s2.action}/${s2.actor}: trail ${JSON.stringify(trail)}`).toBeGreaterThan(0);
          applied.push(...trail);
        }
        const final = await snapshot(a.db, id);
        expect(final.audit.map((e) => e.action)).toEqual(applied);
        expect(final.events.map((e) => e.type)).toEqual(applied);
      }),
      { numRuns: 150 },
    );
  });
});
