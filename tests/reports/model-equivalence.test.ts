import { describe, expect, it } from "vitest";
import {
  buildConceptReport,
  buildConceptReportFromTallies,
  type ConsultationRecord,
  type ConsultationStatus,
  type EvaluationRecord,
  type Score,
} from "../../src/reports/concept-model.js";
import { tallyEvaluations } from "../../src/reports/evaluation-tally.js";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { referenceConceptReport } from "./reference-model.js";

const STATUSES: ConsultationStatus[] = ["draft", "requested", "confirmed", "held", "evaluated", "declined", "expired", "cancelled"];
const THEMES = ["child protection", "elderly care", "disability services", "Sámi social work"];
const COUNTRIES = ["FI", "SE", "DK", "NO", "IS"];
const PROGRAMMES = ["programme-a", "programme-b", "programme-c"];
const FITS = ["too_short", "right", "too_long"] as const;

function randomData(seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rnd.int(0, xs.length - 1)]!;
  const maybe = <T>(p: number, value: () => T): T | null => (rnd.next() < p ? value() : null);
  const instant = () => (rnd.next() < 0.02 ? "not a date" : new Date(Date.UTC(2027, 0, 1) + rnd.int(0, 200 * 24) * 3_600_000 + rnd.int(0, 59) * 60_000).toISOString());
  const n = pick([0, 1, 3, 8, 30, 200]);
  const consultations: ConsultationRecord[] = [];
  for (let i = 0; i < n; i++) {
    consultations.push({
      // Now and then an id twice, as a careless caller might pass.
      id: `c${rnd.next() < 0.05 && i > 0 ? rnd.int(0, i - 1) : i}`,
      status: pick(STATUSES),
      theme: pick(THEMES),
      expertCountry: pick(COUNTRIES),
      programmeId: maybe(0.7, () => pick(PROGRAMMES)),
      durationMinutes: rnd.int(25, 60),
      actualMinutes: maybe(0.3, () => rnd.int(20, 70)),
      noShow: rnd.next() < 0.1,
      requestedAt: maybe(0.8, instant),
      confirmedAt: maybe(0.6, instant),
      sessionStart: maybe(0.5, instant),
      briefQuestionCount: rnd.int(0, 9),
      briefChallengeLength: rnd.int(0, 2500),
      memberCount: rnd.int(0, 6),
      followUpOf: maybe(0.1, () => `c${rnd.int(0, n)}`),
      fundingSource: maybe(0.6, () => pick(["pilot_grant", "competence_centre", "advisory_board"])),
    });
  }
  const evaluations: EvaluationRecord[] = [];
  const m = n === 0 ? rnd.int(0, 3) : rnd.int(0, n * 5);
  for (let i = 0; i < m; i++) {
    evaluations.push({
      // Some about consultations not in the input, which must be left out.
      consultationId: `c${rnd.int(0, n + 2)}`,
      side: rnd.next() < 0.7 ? "member" : "expert",
      usefulness: rnd.int(1, 5) as Score,
      preparation: rnd.int(1, 5) as Score,
      technicalQuality: rnd.int(1, 5) as Score,
      durationFit: pick(FITS),
      actualMinutes: maybe(0.5, () => rnd.int(1, 180)),
      wouldRecommend: rnd.next() < 0.8,
      followUpInterest: rnd.next() < 0.3,
    });
  }
  return { consultations, evaluations, minGroupSize: rnd.int(1, 6) };
}

describe("the tallied concept model gives the reference model's report, figure for figure", () => {
  it("on 400 random data sets, with stray evaluations, repeated ids, unreadable timestamps and any threshold", () => {
    let shownGroups = 0;
    let halfMedians = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const input = randomData(seed);
      const expected = referenceConceptReport(input);
      for (const group of [...expected.outcomes.byTheme, ...expected.outcomes.bySide, ...expected.outcomes.byProgramme]) {
        if (group.suppressed) continue;
        shownGroups++;
        if (!Number.isInteger(group.usefulness.median)) halfMedians++;
      }
      expect(buildConceptReport(input), `seed ${seed}`).toEqual(expected);
      // The tallies in any order and split in two for the same consultation add up the same.
      const tallies = tallyEvaluations(input.evaluations).reverse();
      const half = Math.floor(input.evaluations.length / 2);
      const split = [...tallyEvaluations(input.evaluations.slice(0, half)), ...tallyEvaluations(input.evaluations.slice(half))];
      expect(buildConceptReportFromTallies({ consultations: input.consultations, tallies, minGroupSize: input.minGroupSize }), `seed ${seed}`).toEqual(expected);
      expect(buildConceptReportFromTallies({ consultations: input.consultations, tallies: split, minGroupSize: input.minGroupSize }), `seed ${seed}`).toEqual(expected);
    }
    // The data sets really exercise the figures, not only suppression.
    expect(shownGroups).toBeGreaterThan(300);
    expect(halfMedians).toBeGreaterThan(10);
  });
});
