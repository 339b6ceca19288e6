import { describe, expect, it } from "vitest";
import { planProposedSlots, slotInZone } from "../../src/consultations/proposed-slots.js";

const NOW = new Date("2027-03-01T08:00:00Z");

describe("proposed slots", () => {
  it.each([
    // The last Sunday of March 2027 is the 28th: Helsinki moves from UTC+2 to UTC+3.
    ["10:00 Helsinki on the Monday after summer time starts", "2027-03-29T10:00:00+03:00", "2027-03-29T07:00:00.000Z"],
    ["10:00 Helsinki on the Friday before it", "2027-03-26T10:00:00+02:00", "2027-03-26T08:00:00.000Z"],
    ["an instant already in UTC", "2027-03-29T07:00:00Z", "2027-03-29T07:00:00.000Z"],
    ["10:00 Helsinki after summer time ends (31 Oct 2027)", "2027-11-01T10:00:00+02:00", "2027-11-01T08:00:00.000Z"],
  ])("%s is stored as UTC", (_name, input, expected) => {
    const plan = planProposedSlots([input, "2027-12-01T10:00:00Z"], 30, NOW);
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.slots.map((s) => s.start)).toContain(expected);
  });

  it("computes the end from the duration", () => {
    const plan = planProposedSlots(["2027-03-29T10:00:00+03:00", "2027-03-30T10:00:00+03:00"], 40, NOW);
    expect(plan.ok && plan.slots[0]).toEqual({ start: "2027-03-29T07:00:00.000Z", end: "2027-03-29T07:40:00.000Z" });
  });

  it("shows the Monday-after-the-change slot at 07:00 in Reykjavik (UTC+0 all year)", () => {
    const local = slotInZone({ start: "2027-03-29T07:00:00.000Z", end: "2027-03-29T07:45:00.000Z" }, "Atlantic/Reykjavik");
    expect(local.start.slice(11, 16)).toBe("07:00");
    expect(local.start.endsWith("+00:00") || local.start.endsWith("Z")).toBe(true);
  });

  it("shows the same slot at 09:00 in Stockholm, which changed too", () => {
    const local = slotInZone({ start: "2027-03-29T07:00:00.000Z", end: "2027-03-29T07:45:00.000Z" }, "Europe/Stockholm");
    expect(local.start).toBe("2027-03-29T09:00:00.000+02:00");
  });

  it.each([
    ["no offset", "2027-03-29T10:00:00", "offset"],
    ["a date only", "2027-03-29", "offset"],
    ["not on the 5-minute grid", "2027-03-29T10:03:00Z", "5-minute grid"],
    ["seconds off the grid", "2027-03-29T10:05:30Z", "5-minute grid"],
    ["in the past", "2027-02-01T10:00:00Z", "future"],
    ["an impossible date", "2027-02-30T10:00:00Z", "valid"],
  ])("refuses %s and names the field", (_name, input, message) => {
    const plan = planProposedSlots(["2027-12-01T10:00:00Z", input], 30, NOW);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.issues[0]!.path).toBe("slots.1.start");
      expect(plan.issues[0]!.message).toContain(message);
    }
  });

  it("refuses overlapping slots, naming the later one", () => {
    const plan = planProposedSlots(["2027-03-29T10:30:00+03:00", "2027-03-29T10:00:00+03:00"], 45, NOW);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues).toEqual([{ path: "slots.0.start", rule: "overlap", related: "slots.1.start", message: "overlaps slots.1.start" }]);
  });

  it("accepts back-to-back slots", () => {
    const plan = planProposedSlots(["2027-03-29T10:00:00+03:00", "2027-03-29T10:45:00+03:00"], 45, NOW);
    expect(plan.ok).toBe(true);
  });
});
