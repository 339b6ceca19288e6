import { describe, expect, it } from "vitest";
import { allowedActions, effectiveStatus, mayTake, TRANSITIONS, type LifecycleFacts } from "../../src/consultations/transitions.js";

const slot = { id: "s1", start: "2027-03-08T08:00:00.000Z", end: "2027-03-08T08:45:00.000Z" };
const later = { id: "s2", start: "2027-03-09T08:00:00.000Z", end: "2027-03-09T08:45:00.000Z" };
const at = (iso: string) => new Date(iso);

describe("the lifecycle table", () => {
  it.each([
    ["confirmed stays confirmed before the end", "confirmed", slot, [slot], "2027-03-08T08:44:59Z", "confirmed"],
    ["confirmed becomes held when the slot has ended", "confirmed", slot, [slot], "2027-03-08T08:45:00Z", "held"],
    ["requested stays requested while one slot is ahead", "requested", null, [slot, later], "2027-03-08T09:00:00Z", "requested"],
    ["requested expires once every slot has started", "requested", null, [slot, later], "2027-03-09T08:00:00Z", "expired"],
    ["a closed consultation stays closed", "cancelled", null, [slot], "2027-04-01T00:00:00Z", "cancelled"],
  ] as const)("%s", (_name, stored, confirmed, slots, now, expected) => {
    expect(effectiveStatus(stored, confirmed, slots, new Date(now))).toBe(expected);
  });

  it("offers a member of a requested consultation cancel and reschedule, never the expert's confirm", () => {
    const facts: LifecycleFacts = { status: "requested", slots: [slot, later], confirmedSlot: null };
    expect(allowedActions(facts, "member", at("2027-03-01T00:00:00Z"))).toEqual(["cancel", "reschedule", "setMeetingLink", "setFunding"]);
    expect(allowedActions(facts, "expert", at("2027-03-01T00:00:00Z"))).toEqual(["confirm", "counterPropose", "decline"]);
  });

  it("after the expert proposed other times, the group may accept one and the expert may not confirm or propose again", () => {
    const facts: LifecycleFacts = { status: "requested", slots: [slot, later], confirmedSlot: null, slotsProposedBy: "expert" };
    const now = at("2027-03-01T00:00:00Z");
    expect(allowedActions(facts, "member", now)).toEqual(["acceptCounter", "cancel", "reschedule", "setMeetingLink", "setFunding"]);
    expect(allowedActions(facts, "expert", now)).toEqual(["decline"]);
    expect(mayTake("acceptCounter", facts, "member", at("2027-03-08T09:00:00Z"), "s1")).toBe(false);
    expect(mayTake("acceptCounter", facts, "member", at("2027-03-08T09:00:00Z"), "s2")).toBe(true);
    expect(mayTake("acceptCounter", { ...facts, slotsProposedBy: "group" }, "member", now, "s2")).toBe(false);
  });

  it("lets the expert confirm only a time of the current round that has not started", () => {
    const facts: LifecycleFacts = { status: "requested", slots: [slot, later], confirmedSlot: null };
    expect(mayTake("confirm", facts, "expert", at("2027-03-08T09:00:00Z"), "s2")).toBe(true);
    expect(mayTake("confirm", facts, "expert", at("2027-03-08T09:00:00Z"), "s1")).toBe(false);
    expect(mayTake("confirm", facts, "expert", at("2027-03-08T09:00:00Z"), "other")).toBe(false);
  });

  it("gives the stored and the effective status the same answer for every actor", () => {
    const cases: [LifecycleFacts, string][] = [
      [{ status: "confirmed", slots: [slot], confirmedSlot: slot }, "2027-03-08T09:00:00Z"],
      [{ status: "requested", slots: [slot, later], confirmedSlot: null }, "2027-03-10T00:00:00Z"],
    ];
    for (const [stored, now] of cases) {
      const effective = { ...stored, status: effectiveStatus(stored.status, stored.confirmedSlot, stored.slots, at(now)) };
      for (const actor of ["member", "coordinator", "expert"] as const) {
        expect(allowedActions(effective, actor, at(now))).toEqual(allowedActions(stored, actor, at(now)));
      }
    }
  });

  it("names one event per action, and no two actions share one", () => {
    const events = Object.values(TRANSITIONS).map((r) => r.event);
    expect(new Set(events).size).toBe(events.length);
  });
});
