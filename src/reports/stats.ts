/** Small descriptive statistics for reports. Empty input gives null, never NaN. */

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Nudge by one ulp so that 0.125 rounds to 0.13 instead of 0.12 (its binary value is just below).
  return Math.round(value * factor * (1 + Number.EPSILON)) / factor;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The values in ascending order, as a typed array: its numeric sort is far faster than Array's with a comparator. */
export function sortedNumbers(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Quantile by linear interpolation between closest ranks (R type 7, numpy's and Excel
 * PERCENTILE.INC's default), so the median of an even count is the mean of the middle two.
 */
export function quantile(values: readonly number[], q: number): number | null {
  return quantileOfSorted(sortedNumbers(values), q);
}

/** quantile() over values already in ascending order: sort once, ask for several quantiles. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  return quantileAtRanks(sorted.length, q, (rank) => sorted[rank]!);
}

/**
 * quantile() from counts per value rather than the values themselves: `counts[i]` values equal
 * `valueOf(i)`, in ascending order of value. Exactly the figure quantile() gives over the same
 * values spelled out, without sorting them; scores 1–5 default to valueOf(i) = i + 1.
 */
export function histogramQuantile(
  counts: readonly number[],
  q: number,
  valueOf: (index: number) => number = (index) => index + 1,
): number | null {
  let n = 0;
  for (const count of counts) n += count;
  const atRank = (rank: number) => {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (rank < seen) return valueOf(i);
    }
    throw new RangeError(`rank ${rank} beyond ${n} values`);
  };
  return quantileAtRanks(n, q, atRank);
}

/** The type-7 interpolation shared by every quantile here, given the value at each rank (0-based, ascending). */
export function quantileAtRanks(n: number, q: number, atRank: (rank: number) => number): number | null {
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const below = atRank(lower);
  const above = atRank(Math.min(lower + 1, n - 1));
  return below + (above - below) * (position - lower);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The mean of values given as counts per value (see histogramQuantile); null when there are none. */
export function histogramMean(counts: readonly number[], valueOf: (index: number) => number = (index) => index + 1): number | null {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    n += counts[i]!;
    sum += counts[i]! * valueOf(i);
  }
  return n === 0 ? null : sum / n;
}

/** numerator / denominator to 3 decimals, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : roundTo(numerator / denominator, 3);
}

export interface Distribution {
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  p25: number | null;
  p75: number | null;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = sortedNumbers(values);
  const at = (q: number) => {
    const value = quantileOfSorted(sorted, q);
    return value === null ? null : roundTo(value, 2);
  };
  return { n: values.length, median: at(0.5), min: at(0), max: at(1), p25: at(0.25), p75: at(0.75) };
}

/** How many times each value occurs: a histogram of exact values, in any order. */
export type ValueCounts = ReadonlyMap<number, number>;

/** distribution() over values given as counts per value: the same figures, without spelling the values out. */
export function distributionOfCounts(counts: ValueCounts): Distribution {
  const values = sortedNumbers([...counts.keys()]);
  const ends = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) ends[i] = n += counts.get(values[i]!)!;
  const atRank = (rank: number) => {
    // The first value whose run of equal values reaches past `rank`.
    let low = 0;
    let high = values.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid]! > rank) high = mid;
      else low = mid + 1;
    }
    return values[low]!;
  };
  const at = (q: number) => {
    const value = quantileAtRanks(n, q, atRank);
    return value === null ? null : roundTo(value, 2);
  };
  return { n, median: at(0.5), min: at(0), max: at(1), p25: at(0.25), p75: at(0.75) };
}

/** Adds `count` occurrences of `value` to a histogram. */
export function countValue(counts: Map<number, number>, value: number, count = 1): void {
  counts.set(value, (counts.get(value) ?? 0) + count);
}
