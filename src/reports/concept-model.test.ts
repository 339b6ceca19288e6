import { describe, expect, it } from "vitest";
import { buildConceptReport, type ConceptReport } from "./concept-model.js";
import { consultation, evaluation } from "./records.fixtures.js";

describe("buildConceptReport: a small pilot round, every figure worked out by hand", () => {
  const consultations = [
    consultation("s1", {
      durationMinutes: 30,
      actualMinutes: 32,
      memberCount: 3,
      briefQuestionCount: 2,
      briefChallengeLength: 450,
      fundingSource: "advisory board",
    }),
    consultation("s2", {
      theme: "elderly care",
      expertCountry: "DK",
      durationMinutes: 45,
      memberCount: 2,
      briefQuestionCount: 5,
      briefChallengeLength: 1200,
      fundingSource: "advisory board",
    }),
    consultation("s3", { status: "held", durationMinutes: 40, memberCount: 4, followUpOf: "s1" }),
    consultation("s4", {
      status: "held",
      noShow: true,
      durationMinutes: 35,
      memberCount: 5,
      followUpOf: "s2",
      fundingSource: "STM international unit",
    }),
    consultation("s5", {
      durationMinutes: 35,
      actualMinutes: 28,
      memberCount: 2,
      briefQuestionCount: 2,
      briefChallengeLength: 300,
      fundingSource: "advisory board",
    }),
    consultation("s6", { status: "confirmed", followUpOf: "s1" }),
  ];
  const evaluations = [
    evaluation("s1", { usefulness: 5, preparation: 4, technicalQuality: 3, followUpInterest: true }),
    evaluation("s1", { usefulness: 4, preparation: 3, technicalQuality: 4, durationFit: "too_short" }),
    evaluation("s1", {
      side: "expert",
      usefulness: 3,
      preparation: 5,
      technicalQuality: 4,
      wouldRecommend: false,
      followUpInterest: true,
    }),
    evaluation("s2", {
      usefulness: 2,
      preparation: 2,
      technicalQuality: 5,
      durationFit: "too_long",
      actualMinutes: 50,
      wouldRecommend: false,
    }),
    evaluation("s2", { side: "expert", actualMinutes: 40, followUpInterest: true }),
    evaluation("s5", { usefulness: 5, preparation: 5, technicalQuality: 2 }),
    // About a consultation outside the input: must not count anywhere.
    evaluation("ghost", { usefulness: 1, preparation: 1, technicalQuality: 1, actualMinutes: 5, followUpInterest: true }),
  ];

  // s1 + s5: members A, B, D and s1's expert.
  const childProtection = {
    suppressed: false,
    consultations: 2,
    evaluations: 4,
    usefulness: { mean: 4.25, median: 4.5, n: 4 },
    preparation: { mean: 4.25, median: 4.5, n: 4 },
    // One expert answered: both sides withheld, or combined minus members would give it back.
    questionsAnswered: null,
    briefPreparation: null,
    technicalQuality: { mean: 3.25, median: 3.5, n: 4 },
    wouldRecommendShare: 0.75,
  } as const;
  // s2: member C and s2's expert.
  const elderlyCare = {
    suppressed: false,
    consultations: 1,
    evaluations: 2,
    usefulness: { mean: 3, median: 3, n: 2 },
    preparation: { mean: 3, median: 3, n: 2 },
    questionsAnswered: null,
    briefPreparation: null,
    technicalQuality: { mean: 4.5, median: 4.5, n: 2 },
    wouldRecommendShare: 0.5,
  } as const;

  // Every evaluation of the round: s1, s2 and s5.
  const overall = {
    suppressed: false,
    consultations: 3,
    evaluations: 6,
    usefulness: { mean: 3.83, median: 4, n: 6 },
    preparation: { mean: 3.83, median: 4, n: 6 },
    // Members 4, 3, 2, 5 ("did the expert answer our questions"); experts 5, 4 ("did the brief prepare you").
    questionsAnswered: { mean: 3.5, median: 3.5, n: 4 },
    briefPreparation: { mean: 4.5, median: 4.5, n: 2 },
    technicalQuality: { mean: 3.67, median: 4, n: 6 },
    wouldRecommendShare: 0.667,
  } as const;

  const expected: ConceptReport = {
    minGroupSize: 2,
    funnel: {
      requested: 6,
      confirmed: 6,
      held: 5,
      evaluated: 3,
      declined: 0,
      expired: 0,
      cancelled: 0,
      stepRates: { confirmed: 1, held: 0.833, evaluated: 0.6 },
      ratesOfRequested: { confirmed: 1, held: 0.833, evaluated: 0.5 },
      medianDaysRequestToConfirm: null,
      medianDaysConfirmToSession: null,
    },
    sessions: {
      // s1, s2, s3, s5; s4 was a no-show and s6 has not happened yet.
      count: 4,
      noShows: 1,
      // 30, 35, 40, 45.
      plannedMinutes: { n: 4, median: 37.5, min: 30, max: 45, p25: 33.75, p75: 41.25 },
      // s1 32 (its own), s2 45 (mean of 50 and 40 from evaluations), s5 28; s3 has no figure.
      actualMinutes: { n: 3, median: 32, min: 28, max: 45, p25: 30, p75: 38.5 },
      shareWithin30to45: 0.667,
      durationFit: {
        suppressed: false,
        evaluations: 6,
        tooShort: { count: 1, share: 0.167 },
        right: { count: 4, share: 0.667 },
        tooLong: { count: 1, share: 0.167 },
      },
    },
    outcomes: {
      overall: { key: "all", ...overall },
      bySide: [
        {
          key: "member",
          suppressed: false,
          consultations: 3,
          evaluations: 4,
          usefulness: { mean: 4, median: 4.5, n: 4 },
          preparation: { mean: 3.5, median: 3.5, n: 4 },
          questionsAnswered: { mean: 3.5, median: 3.5, n: 4 },
          briefPreparation: null,
          technicalQuality: { mean: 3.5, median: 3.5, n: 4 },
          wouldRecommendShare: 0.75,
        },
        {
          key: "expert",
          suppressed: false,
          consultations: 2,
          evaluations: 2,
          usefulness: { mean: 3.5, median: 3.5, n: 2 },
          preparation: { mean: 4.5, median: 4.5, n: 2 },
          questionsAnswered: null,
          briefPreparation: { mean: 4.5, median: 4.5, n: 2 },
          technicalQuality: { mean: 4, median: 4, n: 2 },
          wouldRecommendShare: 0.5,
        },
      ],
      byTheme: [
        { key: "child protection", ...childProtection },
        { key: "elderly care", ...elderlyCare },
      ],
      byExpertCountry: [
        { key: "DK", ...elderlyCare },
        { key: "SE", ...childProtection },
      ],
      // Not one of them in a programme: one group, the overall figures.
      byProgramme: [{ key: "none", ...overall }],
      byDuration: [
        {
          key: "30-34",
          suppressed: false,
          consultations: 1,
          evaluations: 3,
          usefulness: { mean: 4, median: 4, n: 3 },
          preparation: { mean: 4, median: 4, n: 3 },
          questionsAnswered: null,
          briefPreparation: null,
          technicalQuality: { mean: 3.67, median: 4, n: 3 },
          wouldRecommendShare: 0.667,
        },
        // One evaluation: withheld.
        { key: "35-39", suppressed: true },
        // Withheld too, or it could be recovered as overall minus the other two.
        { key: "40-45", suppressed: true },
      ],
      byQuestionCount: [
        { key: "1-2", ...childProtection },
        { key: "5-7", ...elderlyCare },
      ],
      byChallengeLength: [
        { key: "<500", ...childProtection },
        { key: "1000-2000", ...elderlyCare },
      ],
    },
    responseRates: {
      // Members of s1, s2, s3, s5: 3 + 2 + 4 + 2.
      member: { received: 4, possible: 11, share: 0.364 },
      expert: { received: 2, possible: 4, share: 0.5 },
    },
    followUps: {
      followUpsCreated: 3,
      consultationsThatLedToFollowUp: 2,
      interest: { suppressed: false, evaluations: 6, interestCount: 3, interestShare: 0.5 },
    },
    funding: [
      { source: "advisory board", consultations: 3 },
      { source: "unspecified", consultations: 2 },
      { source: "STM international unit", consultations: 1 },
    ],
  };

  it("produces exactly the figures worked out on paper", () => {
    expect(buildConceptReport({ consultations, evaluations, minGroupSize: 2 })).toEqual(expected);
  });

  it("survives a JSON round trip unchanged", () => {
    const report = buildConceptReport({ consultations, evaluations, minGroupSize: 2 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
