import { describe, expect, it } from "vitest";
import { canTransition, effectiveStatus } from "../../src/consultations/lifecycle.js";
import type { ConsultationStatus } from "../../src/db/schema.js";

describe("consultation lifecycle", () => {
  const allowed: [ConsultationStatus, ConsultationStatus][] = [
    ["draft", "requested"],
    ["draft", "cancelled"],
    ["requested", "confirmed"],
    ["requested", "declined"],
    ["requested", "expired"],
    ["requested", "cancelled"],
    ["confirmed", "held"],
    ["confirmed", "requested"],
    ["confirmed", "declined"],
    ["confirmed", "cancelled"],
    ["held", "evaluated"],
  ];
  const refused: [ConsultationStatus, ConsultationStatus][] = [
    ["draft", "confirmed"],
    ["requested", "held"],
    ["held", "cancelled"],
    ["evaluated", "cancelled"],
    ["declined", "requested"],
    ["cancelled", "requested"],
    ["expired", "confirmed"],
    ["held", "requested"],
  ];
  it.each(allowed)("%s → %s is allowed", (from, to) => expect(canTransition(from, to)).toBe(true));
  it.each(refused)("%s → %s is refused", (from, to) => expect(canTransition(from, to)).toBe(false));

  const slot = { start: "2027-03-08T08:00:00.000Z", end: "2027-03-08T08:45:00.000Z" };
  const later = { start: "2027-03-09T08:00:00.000Z", end: "2027-03-09T08:45:00.000Z" };
  it.each([
    ["confirmed stays confirmed before the end", "confirmed", slot, [slot], "2027-03-08T08:44:59Z", "confirmed"],
    ["confirmed becomes held when the slot has ended", "confirmed", slot, [slot], "2027-03-08T08:45:00Z", "held"],
    ["requested stays requested while one slot is ahead", "requested", null, [slot, later], "2027-03-08T09:00:00Z", "requested"],
    ["requested expires once every slot has started", "requested", null, [slot, later], "2027-03-09T08:00:00Z", "expired"],
    ["a closed consultation stays closed", "cancelled", null, [slot], "2027-04-01T00:00:00Z", "cancelled"],
  ] as const)("%s", (_name, stored, confirmed, slots, now, expected) => {
    expect(effectiveStatus(stored, confirmed, slots, new Date(now))).toBe(expected);
  });
});
