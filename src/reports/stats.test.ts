import { describe, expect, it } from "vitest";
import { distribution, mean, median, quantile, ratio, roundTo } from "./stats.js";

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
