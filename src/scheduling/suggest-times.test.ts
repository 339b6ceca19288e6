import { describe, expect, it } from "vitest";
import { suggestTimes, type SuggestTimesInput, type SuggestedSlot } from "./suggest-times.js";

const HELSINKI = { groupZone: "Europe/Helsinki", groupCountry: "FI" } as const;
const STOCKHOLM = { expertZone: "Europe/Stockholm", expertCountry: "SE" } as const;

function input(overrides: Partial<SuggestTimesInput>): SuggestTimesInput {
  return {
    from: "2027-01-12T00:00:00Z",
    to: "2027-01-13T00:00:00Z",
    durationMinutes: 30,
    ...HELSINKI,
    ...STOCKHOLM,
    busy: [],
    now: "2027-01-01T00:00:00Z",
    limit: 1000,
    ...overrides,
  };
}

/** Per UTC date: first and last start (UTC HH:mm) and how many slots. */
function byDay(slots: SuggestedSlot[]): Record<string, { first: string; last: string; count: number }> {
  const days: Record<string, { first: string; last: string; count: number }> = {};
  for (const { start } of slots) {
    const date = start.slice(0, 10);
    const time = start.slice(11, 16);
    const day = (days[date] ??= { first: time, last: time, count: 0 });
    day.last = time;
    day.count++;
  }
  return days;
}

const minutesOf = (iso: string) => Date.parse(iso) / 60_000;

describe("suggestTimes: office hours and holidays of both sides", () => {
  // Slot count per full day = (overlap minutes - duration) / 15 + 1.
  it.each<{ name: string; input: Partial<SuggestTimesInput>; expected: ReturnType<typeof byDay> }>([
    {
      name: "Helsinki + Stockholm in winter: 09:00–16:00 Helsinki = 08:00–15:00 Stockholm",
      input: { from: "2027-01-11T00:00:00Z", to: "2027-01-16T00:00:00Z" },
      expected: Object.fromEntries(
        ["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"].map((d) => [
          d,
          { first: "07:00", last: "13:30", count: 27 },
        ]),
      ),
    },
    {
      name: "Helsinki + Stockholm in summer time: the same local window, one hour earlier in UTC",
      input: { from: "2027-06-08T00:00:00Z", to: "2027-06-09T00:00:00Z" },
      expected: { "2027-06-08": { first: "06:00", last: "12:30", count: 27 } },
    },
    {
      // 2027-03-28 is both the EU change and Easter Sunday, so Good Friday and Easter Monday drop out.
      name: "spring change: Thursday before at UTC+2, Tuesday after at UTC+3; Easter days empty",
      input: { from: "2027-03-25T00:00:00Z", to: "2027-04-01T00:00:00Z" },
      expected: {
        "2027-03-25": { first: "07:00", last: "13:30", count: 27 },
        "2027-03-30": { first: "06:00", last: "12:30", count: 27 },
        "2027-03-31": { first: "06:00", last: "12:30", count: 27 },
      },
    },
    {
      name: "autumn change (2027-10-31): Friday at UTC+3, Monday back at UTC+2",
      input: { from: "2027-10-28T00:00:00Z", to: "2027-11-03T00:00:00Z" },
      expected: {
        "2027-10-28": { first: "06:00", last: "12:30", count: 27 },
        "2027-10-29": { first: "06:00", last: "12:30", count: 27 },
        "2027-11-01": { first: "07:00", last: "13:30", count: 27 },
        "2027-11-02": { first: "07:00", last: "13:30", count: 27 },
      },
    },
    {
      name: "Iceland expert in winter: 08:00–14:00Z (10:00–16:00 Helsinki)",
      input: { expertZone: "Atlantic/Reykjavik", expertCountry: "IS" },
      expected: { "2027-01-12": { first: "08:00", last: "13:30", count: 23 } },
    },
    {
      name: "Iceland expert in summer: Reykjavik keeps UTC+0, the overlap shrinks to 08:00–13:00Z",
      input: {
        from: "2027-06-08T00:00:00Z",
        to: "2027-06-09T00:00:00Z",
        expertZone: "Atlantic/Reykjavik",
        expertCountry: "IS",
      },
      expected: { "2027-06-08": { first: "08:00", last: "12:30", count: 19 } },
    },
    {
      name: "Greenland expert in winter (UTC-2): only 12:00–16:00 Helsinki = 08:00–12:00 Nuuk",
      input: { durationMinutes: 45, expertZone: "America/Nuuk", expertCountry: "GL" },
      expected: { "2027-01-12": { first: "10:00", last: "13:15", count: 14 } },
    },
    {
      name: "Greenland expert in summer (UTC-1): still four hours, 09:00–13:00Z",
      input: {
        from: "2027-06-08T00:00:00Z",
        to: "2027-06-09T00:00:00Z",
        durationMinutes: 45,
        expertZone: "America/Nuuk",
        expertCountry: "GL",
      },
      expected: { "2027-06-08": { first: "09:00", last: "12:15", count: 14 } },
    },
    {
      name: "Midsummer Eve (Fri 2027-06-25) is off in FI and SE: only Thursday",
      input: { from: "2027-06-24T00:00:00Z", to: "2027-06-26T00:00:00Z" },
      expected: { "2027-06-24": { first: "06:00", last: "12:30", count: 27 } },
    },
    {
      name: "Midsummer Eve: a Swedish group with a Norwegian expert also loses Friday",
      input: {
        from: "2027-06-24T00:00:00Z",
        to: "2027-06-26T00:00:00Z",
        groupZone: "Europe/Stockholm",
        groupCountry: "SE",
        expertZone: "Europe/Oslo",
        expertCountry: "NO",
      },
      expected: { "2027-06-24": { first: "06:00", last: "13:30", count: 31 } },
    },
    {
      name: "Midsummer Eve is an ordinary Friday in Norway and Denmark",
      input: {
        from: "2027-06-24T00:00:00Z",
        to: "2027-06-26T00:00:00Z",
        groupZone: "Europe/Oslo",
        groupCountry: "NO",
        expertZone: "Europe/Copenhagen",
        expertCountry: "DK",
      },
      expected: {
        "2027-06-24": { first: "06:00", last: "13:30", count: 31 },
        "2027-06-25": { first: "06:00", last: "13:30", count: 31 },
      },
    },
    {
      name: "Norway's Constitution Day (Mon 17 May) blocks a Norwegian expert",
      input: {
        from: "2027-05-17T00:00:00Z",
        to: "2027-05-19T00:00:00Z",
        expertZone: "Europe/Oslo",
        expertCountry: "NO",
      },
      expected: { "2027-05-18": { first: "06:00", last: "12:30", count: 27 } },
    },
    {
      name: "17 May is a working day for a Swedish expert (Whit Monday is no longer a holiday)",
      input: { from: "2027-05-17T00:00:00Z", to: "2027-05-18T00:00:00Z" },
      expected: { "2027-05-17": { first: "06:00", last: "12:30", count: 27 } },
    },
    {
      name: "Iceland's National Day (Thu 17 June) blocks an Icelandic expert",
      input: {
        from: "2027-06-16T00:00:00Z",
        to: "2027-06-18T00:00:00Z",
        expertZone: "Atlantic/Reykjavik",
        expertCountry: "IS",
      },
      expected: { "2027-06-16": { first: "08:00", last: "12:30", count: 19 } },
    },
    {
      name: "Great Prayer Day (Fri 2027-04-23): abolished in Denmark, so Danish experts are free",
      input: {
        from: "2027-04-23T00:00:00Z",
        to: "2027-04-24T00:00:00Z",
        expertZone: "Europe/Copenhagen",
        expertCountry: "DK",
      },
      expected: { "2027-04-23": { first: "06:00", last: "12:30", count: 27 } },
    },
    ...(["FO", "GL"] as const).map((country) => ({
      name: `Great Prayer Day is still a holiday in ${country}`,
      input: {
        from: "2027-04-23T00:00:00Z",
        to: "2027-04-24T00:00:00Z",
        expertZone: country === "FO" ? "Atlantic/Faroe" : "America/Nuuk",
        expertCountry: country,
      },
      expected: {},
    })),
    {
      name: "an Åland group keeps Finland's Independence Day (Mon 6 December)",
      input: {
        from: "2027-12-06T00:00:00Z",
        to: "2027-12-08T00:00:00Z",
        groupZone: "Europe/Mariehamn",
        groupCountry: "AX",
      },
      expected: { "2027-12-07": { first: "07:00", last: "13:30", count: 27 } },
    },
  ])("$name", ({ input: overrides, expected }) => {
    expect(byDay(suggestTimes(input(overrides)))).toEqual(expected);
  });

  it("offers 10:00 Helsinki on the Tuesday after the spring change as 07:00Z", () => {
    const slots = suggestTimes(input({ from: "2027-03-30T07:00:00Z", to: "2027-03-30T08:00:00Z" }));
    expect(slots[0]).toEqual({ start: "2027-03-30T07:00:00.000Z", end: "2027-03-30T07:30:00.000Z" });
  });

  it("offers nothing on Monday 2027-03-29: it is Easter Monday in both Finland and Sweden", () => {
    expect(suggestTimes(input({ from: "2027-03-29T00:00:00Z", to: "2027-03-30T00:00:00Z" }))).toEqual([]);
  });

  it("gives nothing when office hours do not overlap at all", () => {
    const slots = suggestTimes(
      input({ expertZone: "America/Nuuk", expertCountry: "GL", workingHours: { start: "08:00", end: "12:00" } }),
    );
    expect(slots).toEqual([]);
  });
});

describe("suggestTimes: busy time, clock, range and options", () => {
  it.each<{ name: string; input: Partial<SuggestTimesInput>; firstStarts: string[] }>([
    {
      name: "a slot may end exactly when busy time starts and start exactly when it ends",
      input: { busy: [{ start: "2027-01-12T08:00:00Z", end: "2027-01-12T09:00:00Z" }] },
      firstStarts: ["07:00", "07:15", "07:30", "09:00", "09:15"],
    },
    {
      name: "busy time of both sides, unsorted, with offsets, off the grid",
      input: {
        busy: [
          { start: "2027-01-12T10:45:00+02:00", end: "2027-01-12T11:05:00+02:00" },
          { start: "2027-01-12T07:10:00Z", end: "2027-01-12T07:40:00Z" },
        ],
      },
      firstStarts: ["07:45", "08:00", "08:15", "09:15", "09:30"],
    },
    {
      name: "busy time nested inside longer busy time",
      input: {
        busy: [
          { start: "2027-01-12T07:00:00Z", end: "2027-01-12T12:00:00Z" },
          { start: "2027-01-12T08:00:00Z", end: "2027-01-12T09:00:00Z" },
        ],
      },
      firstStarts: ["12:00", "12:15", "12:30", "12:45", "13:00"],
    },
    {
      name: "a zero-length busy entry blocks nothing",
      input: { busy: [{ start: "2027-01-12T07:00:00Z", end: "2027-01-12T07:00:00Z" }] },
      firstStarts: ["07:00", "07:15", "07:30", "07:45", "08:00"],
    },
    {
      name: "slots start after now, strictly",
      input: { now: "2027-01-12T09:00:00Z" },
      firstStarts: ["09:15", "09:30", "09:45", "10:00", "10:15"],
    },
    {
      name: "a start between grid points is rounded up to the grid",
      input: { from: "2027-01-12T07:07:00Z" },
      firstStarts: ["07:15", "07:30", "07:45", "08:00", "08:15"],
    },
    {
      name: "a 30-minute grid",
      input: { gridMinutes: 30 },
      firstStarts: ["07:00", "07:30", "08:00", "08:30", "09:00"],
    },
  ])("$name", ({ input: overrides, firstStarts }) => {
    const starts = suggestTimes(input(overrides)).map((s) => s.start.slice(11, 16));
    expect(starts.slice(0, 5)).toEqual(firstStarts);
  });

  it.each<{ name: string; input: Partial<SuggestTimesInput> }>([
    { name: "a range that ends where it starts", input: { to: "2027-01-12T00:00:00Z" } },
    { name: "a range that ends before it starts", input: { to: "2027-01-11T00:00:00Z" } },
    { name: "a range wholly before now", input: { now: "2027-02-01T00:00:00Z" } },
    { name: "a weekend", input: { from: "2027-01-09T00:00:00Z", to: "2027-01-11T00:00:00Z" } },
    { name: "a range too short for the duration", input: { from: "2027-01-12T09:00:00Z", to: "2027-01-12T09:29:00Z" } },
  ])("returns [] for $name", ({ input: overrides }) => {
    expect(suggestTimes(input(overrides))).toEqual([]);
  });

  it("skips a fully busy day and continues on the next", () => {
    const slots = suggestTimes(
      input({
        to: "2027-01-14T00:00:00Z",
        busy: [{ start: "2027-01-12T00:00:00+02:00", end: "2027-01-13T00:00:00+02:00" }],
      }),
    );
    expect(byDay(slots)).toEqual({ "2027-01-13": { first: "07:00", last: "13:30", count: 27 } });
  });

  it("keeps every slot clear of every busy interval", () => {
    const busy = [
      { start: "2027-01-12T07:20:00Z", end: "2027-01-12T07:50:00Z" },
      { start: "2027-01-12T09:05:00Z", end: "2027-01-12T10:55:00Z" },
      { start: "2027-01-12T10:50:00Z", end: "2027-01-12T11:10:00Z" },
    ];
    const slots = suggestTimes(input({ busy, durationMinutes: 40 }));
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      for (const b of busy) {
        const overlaps = Date.parse(slot.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(slot.end);
        expect(overlaps, `${slot.start} vs ${b.start}`).toBe(false);
      }
    }
  });

  it("cuts off at the end of the range: the whole slot must fit before `to`", () => {
    const slots = suggestTimes(input({ to: "2027-01-12T10:00:00Z", durationMinutes: 45 }));
    expect(slots.at(-1)).toEqual({ start: "2027-01-12T09:15:00.000Z", end: "2027-01-12T10:00:00.000Z" });
  });

  it("returns 10 slots by default and the earliest `limit` when given", () => {
    const { limit: _, ...withoutLimit } = input({ to: "2027-01-20T00:00:00Z" });
    expect(suggestTimes(withoutLimit)).toHaveLength(10);
    const three = suggestTimes(input({ limit: 3 }));
    expect(three.map((s) => s.start)).toEqual([
      "2027-01-12T07:00:00.000Z",
      "2027-01-12T07:15:00.000Z",
      "2027-01-12T07:30:00.000Z",
    ]);
  });

  it("returns UTC ISO strings on the grid, sorted, each exactly durationMinutes long", () => {
    const slots = suggestTimes(input({ to: "2027-01-20T00:00:00Z", durationMinutes: 35 }));
    // Six working days (Tue 12 to Tue 19 January), 26 starts each in the 07:00–14:00Z overlap.
    expect(slots).toHaveLength(6 * 26);
    for (const [i, slot] of slots.entries()) {
      expect(slot.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45):00\.000Z$/);
      expect(minutesOf(slot.end) - minutesOf(slot.start)).toBe(35);
      if (i > 0) expect(minutesOf(slot.start)).toBeGreaterThan(minutesOf(slots[i - 1]!.start));
    }
  });

  it.each<{ name: string; input: Partial<SuggestTimesInput> }>([
    { name: "29 minutes", input: { durationMinutes: 29 } },
    { name: "46 minutes", input: { durationMinutes: 46 } },
    { name: "a fractional duration", input: { durationMinutes: 30.5 } },
    { name: "NaN duration", input: { durationMinutes: Number.NaN } },
    { name: "an unknown zone", input: { expertZone: "Europe/Atlantis" } },
    { name: "a local time without offset", input: { from: "2027-01-12T00:00:00" } },
    { name: "a malformed instant", input: { now: "yesterday" } },
    { name: "busy time that ends before it starts", input: { busy: [{ start: "2027-01-12T09:00:00Z", end: "2027-01-12T08:00:00Z" }] } },
    { name: "office hours that end before they start", input: { workingHours: { start: "16:00", end: "08:00" } } },
    { name: "office hours not in HH:mm", input: { workingHours: { start: "8", end: "16:00" } } },
    { name: "a zero limit", input: { limit: 0 } },
    { name: "a grid that does not divide an hour", input: { gridMinutes: 7 } },
  ])("throws RangeError for $name", ({ input: overrides }) => {
    expect(() => suggestTimes(input(overrides))).toThrow(RangeError);
  });

  it.each([30, 45])("accepts %i minutes", (durationMinutes) => {
    expect(suggestTimes(input({ durationMinutes, limit: 1 }))).toHaveLength(1);
  });
});
