import { describe, expect, it } from "vitest";
import { distribution, histogramMean, histogramQuantile, mean, median, quantile, quantileOfSorted, ratio, roundTo, sortedNumbers } from "./stats.js";

describe("stats", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, 5, 1, 1], 3],
  ])("median of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each<[number[], number, number | null]>([
    [[10, 20, 30, 40], 0.25, 17.5],
    [[10, 20, 30, 40], 0.75, 32.5],
    [[10, 20, 30, 40], 0, 10],
    [[10, 20, 30, 40], 1, 40],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[], 0.25, null],
  ])("quantile of %j at %s is %s", (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each<[number, number, number]>([
    [0.125, 2, 0.13],
    [1.005, 2, 1.01],
    [2 / 3, 3, 0.667],
    [3.8333, 2, 3.83],
  ])("roundTo(%s, %s) is %s", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it("gives null rather than NaN for empty input or a zero denominator", () => {
    expect(mean([])).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.333);
    expect(distribution([])).toEqual({ n: 0, median: null, min: null, max: null, p25: null, p75: null });
  });
});

/** The reference the faster paths must match: an Array copy sorted with a comparator, as quantile() once did. */
function referenceQuantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const below = sorted[lower]!;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return below + (above - below) * (position - lower);
}

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const QS = [0, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 1];

describe("stats: the sort-free and sort-once paths agree with sorting the values", () => {
  it("quantileOfSorted and quantile match the comparator sort on random data", () => {
    const random = lcg(7);
    for (let run = 0; run < 200; run++) {
      const n = Math.floor(random() * 60);
      const values = Array.from({ length: n }, () => Math.round((random() * 200 - 50) * 100) / 100);
      const sorted = sortedNumbers(values);
      for (const q of QS) {
        expect(quantile(values, q)).toBe(referenceQuantile(values, q));
        expect(quantileOfSorted(sorted, q)).toBe(referenceQuantile(values, q));
      }
    }
  });

  it("histogramQuantile and histogramMean match the values spelled out, for scores 1–5", () => {
    const random = lcg(11);
    for (let run = 0; run < 500; run++) {
      const counts = Array.from({ length: 5 }, () => (random() < 0.3 ? 0 : Math.floor(random() * 12)));
      const values = counts.flatMap((count, i) => Array<number>(count).fill(i + 1));
      // Shuffle, so that the reference really sorts.
      values.sort(() => random() - 0.5);
      for (const q of QS) expect(histogramQuantile(counts, q)).toBe(referenceQuantile(values, q));
      expect(histogramMean(counts)).toBe(mean(values));
    }
  });

  it("takes any values per index", () => {
    const valueOf = (i: number) => [10, 20, 35][i]!;
    expect(histogramQuantile([1, 0, 2], 0.5, valueOf)).toBe(35);
    expect(histogramQuantile([2, 2, 0], 0.5, valueOf)).toBe(15);
    expect(histogramMean([1, 1, 1], valueOf)).toBe(65 / 3);
    expect(histogramQuantile([0, 0, 0], 0.5, valueOf)).toBeNull();
    expect(histogramMean([])).toBeNull();
  });
});
