import { describe, expect, it } from "vitest";
import { buildConceptReport, type ConceptReport } from "./concept-model.js";
import { consultation, evaluation } from "./records.fixtures.js";

/** The funnel worked out by hand, and what the model does with empty, out-of-band and unreadable input. */
/** Every number anywhere in the report, to prove none is NaN or infinite. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("buildConceptReport: funnel", () => {
  const t = (day: string, hour = "08:00") => `2027-${day}T${hour}:00.000Z`;
  const report = buildConceptReport({
    consultations: [
      consultation("draft", { status: "draft" }),
      consultation("cancelled-draft", { status: "cancelled" }),
      consultation("cancelled-request", { status: "cancelled", requestedAt: t("03-01") }),
      consultation("cancelled-after-confirm", { status: "cancelled", requestedAt: t("03-01"), confirmedAt: t("03-03") }),
      consultation("waiting", { status: "requested", requestedAt: t("03-05") }),
      consultation("declined", { status: "declined", requestedAt: t("03-05") }),
      consultation("expired", { status: "expired", requestedAt: t("03-05") }),
      consultation("confirmed", {
        status: "confirmed",
        requestedAt: t("03-01"),
        confirmedAt: t("03-02"),
        sessionStart: t("03-10"),
      }),
      consultation("held", {
        status: "held",
        requestedAt: t("02-01"),
        confirmedAt: t("02-05", "20:00"),
        sessionStart: t("02-15"),
      }),
      consultation("evaluated-1", {
        status: "evaluated",
        requestedAt: t("01-10"),
        confirmedAt: t("01-13"),
        sessionStart: t("01-20"),
      }),
      consultation("evaluated-2", { status: "evaluated" }),
    ],
    evaluations: [],
  });

  it("counts each step, the side exits and the rates", () => {
    expect(report.funnel).toEqual({
      // Everything but the draft and the draft cancelled before it was sent.
      requested: 9,
      confirmed: 5,
      held: 3,
      evaluated: 2,
      declined: 1,
      expired: 1,
      cancelled: 3,
      stepRates: { confirmed: 0.556, held: 0.6, evaluated: 0.667 },
      ratesOfRequested: { confirmed: 0.556, held: 0.333, evaluated: 0.222 },
      // Request to confirm: 2, 1, 4.5 and 3 days; the even count gives the mean of 2 and 3.
      medianDaysRequestToConfirm: 2.5,
      // Confirm to session: 8, 9.5 and 7 days; the odd count gives the middle one.
      medianDaysConfirmToSession: 8,
    } satisfies ConceptReport["funnel"]);
  });
});

describe("buildConceptReport: edge cases", () => {
  it("gives zeros and nulls for empty input, never NaN", () => {
    const report = buildConceptReport({ consultations: [], evaluations: [] });
    const emptyDistribution = { n: 0, median: null, min: null, max: null, p25: null, p75: null };
    expect(report).toEqual({
      minGroupSize: 3,
      funnel: {
        requested: 0,
        confirmed: 0,
        held: 0,
        evaluated: 0,
        declined: 0,
        expired: 0,
        cancelled: 0,
        stepRates: { confirmed: null, held: null, evaluated: null },
        ratesOfRequested: { confirmed: null, held: null, evaluated: null },
        medianDaysRequestToConfirm: null,
        medianDaysConfirmToSession: null,
      },
      sessions: {
        count: 0,
        noShows: 0,
        plannedMinutes: emptyDistribution,
        actualMinutes: emptyDistribution,
        shareWithin30to45: null,
        durationFit: { suppressed: true },
      },
      outcomes: {
        overall: { key: "all", suppressed: true },
        bySide: [],
        byTheme: [],
        byExpertCountry: [],
        byProgramme: [],
        byDuration: [],
        byQuestionCount: [],
        byChallengeLength: [],
      },
      responseRates: {
        member: { received: 0, possible: 0, share: null },
        expert: { received: 0, possible: 0, share: null },
      },
      followUps: { followUpsCreated: 0, consultationsThatLedToFollowUp: 0, interest: { suppressed: true } },
      funding: [],
    } satisfies ConceptReport);
    expect(numbersIn(report).every(Number.isFinite)).toBe(true);
  });

  it("puts data outside the bands under 'other' so breakdowns still add up", () => {
    const report = buildConceptReport({
      consultations: [
        consultation("long", { durationMinutes: 60, briefQuestionCount: 0, briefChallengeLength: 2500 }),
      ],
      evaluations: [evaluation("long"), evaluation("long"), evaluation("long")],
    });
    for (const groups of [report.outcomes.byDuration, report.outcomes.byQuestionCount, report.outcomes.byChallengeLength]) {
      expect(groups).toMatchObject([{ key: "other", suppressed: false, evaluations: 3 }]);
    }
  });

  it("ignores timestamps it cannot read instead of producing NaN", () => {
    const report = buildConceptReport({
      consultations: [consultation("x", { status: "confirmed", requestedAt: "soon", confirmedAt: "2027-03-01T08:00:00Z" })],
      evaluations: [],
    });
    expect(report.funnel.medianDaysRequestToConfirm).toBeNull();
  });
});
