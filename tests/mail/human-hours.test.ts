/**
 * When reminders arrive, by the issue's own examples: never at 03:00 in Reykjavik, never on
 * Midsummer Eve in Stockholm, and a Finnish group is not reminded on a Finnish holiday that the
 * Swedish expert works through.
 */
import { describe, expect, it } from "vitest";
import { answerReminderGroupDue, humanHourAtOrAfter, isHumanHour, sessionReminderDue } from "../../src/mail/human-hours.js";

const reykjavik = { zone: "Atlantic/Reykjavik", country: "IS" };
const stockholm = { zone: "Europe/Stockholm", country: "SE" };
const helsinki = { zone: "Europe/Helsinki", country: "FI" };
const at = (iso: string) => new Date(iso);

describe("reminders at human hours", () => {
  it("waits from 03:00 in Reykjavik until 09:00 there", () => {
    // Wednesday 3 March 2027; Iceland is UTC+0 all year.
    expect(isHumanHour(at("2027-03-03T03:00:00Z"), reykjavik)).toBe(false);
    expect(humanHourAtOrAfter(at("2027-03-03T03:00:00Z"), reykjavik).toISOString()).toBe("2027-03-03T09:00:00.000Z");
  });

  it("skips Midsummer Eve and the weekend in Stockholm", () => {
    // Friday 25 June 2027, 09:00 in Stockholm (UTC+2): Midsummer Eve, a day off.
    expect(isHumanHour(at("2027-06-25T07:00:00Z"), stockholm)).toBe(false);
    expect(humanHourAtOrAfter(at("2027-06-25T07:00:00Z"), stockholm).toISOString()).toBe("2027-06-28T07:00:00.000Z");
    // The Thursday before is an ordinary working day.
    expect(isHumanHour(at("2027-06-24T07:00:00Z"), stockholm)).toBe(true);
  });

  it("does not remind a Finnish group on Independence Day, which the Swedish expert works through", () => {
    // Monday 6 December 2027: 09:00 in Stockholm is 10:00 in Helsinki, where it is a holiday.
    const expertDue = at("2027-12-06T08:00:00Z");
    expect(isHumanHour(expertDue, stockholm)).toBe(true);
    expect(answerReminderGroupDue(expertDue, helsinki).toISOString()).toBe("2027-12-07T07:00:00.000Z");
    // A session on Tuesday 7 December at 10:00 Helsinki: 24 hours before is the holiday, so the
    // group hears on the Friday before at 15:00; the expert on the Monday at 09:00 Stockholm.
    const start = at("2027-12-07T08:00:00Z");
    expect(sessionReminderDue(start, helsinki).toISOString()).toBe("2027-12-03T13:00:00.000Z");
    expect(sessionReminderDue(start, stockholm).toISOString()).toBe("2027-12-06T08:00:00.000Z");
  });
});
