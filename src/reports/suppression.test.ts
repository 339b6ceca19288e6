import { describe, expect, it } from "vitest";
import { buildConceptReport, type OutcomeGroup } from "./concept-model.js";
import { consultation, evaluation } from "./records.fixtures.js";

describe("buildConceptReport: suppression of small groups (default threshold 3)", () => {
  const memberEvaluations = (consultationId: string, n: number) =>
    Array.from({ length: n }, (_, i) => evaluation(consultationId, { usefulness: i % 2 === 0 ? 5 : 3 }));

  it.each([
    { evaluations: 1, suppressed: true },
    { evaluations: 2, suppressed: true },
    { evaluations: 3, suppressed: false },
  ])("$evaluations evaluations: suppressed $suppressed", ({ evaluations: n, suppressed }) => {
    const report = buildConceptReport({
      consultations: [consultation("c1", { theme: "housing" })],
      evaluations: memberEvaluations("c1", n),
    });
    const groups: OutcomeGroup[] = [report.outcomes.overall, ...report.outcomes.byTheme, ...report.outcomes.bySide];
    for (const group of groups) expect(group.suppressed).toBe(suppressed);
    if (suppressed) {
      // Nothing but the key: not even the count of evaluations.
      expect(report.outcomes.byTheme).toEqual([{ key: "housing", suppressed: true }]);
      expect(report.sessions.durationFit).toEqual({ suppressed: true });
      expect(report.followUps.interest).toEqual({ suppressed: true });
    } else {
      expect(report.outcomes.byTheme[0]).toMatchObject({ key: "housing", evaluations: 3, consultations: 1 });
      expect(report.outcomes.byTheme[0]).toHaveProperty("usefulness", { mean: 4.33, median: 5, n: 3 });
    }
  });

  it.each([
    {
      name: "one small group next to one large: both withheld, the overall still shown",
      sizes: { alpha: 5, beta: 2 },
      shown: [],
    },
    {
      name: "the smallest shown group is withheld alongside the small one",
      sizes: { alpha: 5, beta: 2, gamma: 4 },
      shown: ["alpha"],
    },
    {
      name: "two small groups that together reach the threshold need no company",
      sizes: { alpha: 5, beta: 2, gamma: 1 },
      shown: ["alpha"],
    },
    { name: "no small group, nothing withheld", sizes: { alpha: 3, beta: 4 }, shown: ["alpha", "beta"] },
  ])("complementary suppression: $name", ({ sizes, shown }) => {
    const entries = Object.entries(sizes);
    const report = buildConceptReport({
      consultations: entries.map(([theme]) => consultation(theme, { theme })),
      evaluations: entries.flatMap(([theme, n]) => memberEvaluations(theme, n)),
    });
    expect(report.outcomes.overall.suppressed).toBe(false);
    expect(report.outcomes.byTheme.map((g) => g.key)).toEqual(entries.map(([theme]) => theme));
    expect(report.outcomes.byTheme.filter((g) => !g.suppressed).map((g) => g.key)).toEqual(shown);
  });

  it("rejects a threshold below 1 or fractional", () => {
    expect(() => buildConceptReport({ consultations: [], evaluations: [], minGroupSize: 0 })).toThrow(RangeError);
    expect(() => buildConceptReport({ consultations: [], evaluations: [], minGroupSize: 2.5 })).toThrow(RangeError);
  });
});
