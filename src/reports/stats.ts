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

/**
 * Quantile by linear interpolation between closest ranks (R type 7, numpy's and Excel
 * PERCENTILE.INC's default), so the median of an even count is the mean of the middle two.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const below = sorted[lower]!;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return below + (above - below) * (position - lower);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
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
  const at = (q: number) => {
    const value = quantile(values, q);
    return value === null ? null : roundTo(value, 2);
  };
  return { n: values.length, median: at(0.5), min: at(0), max: at(1), p25: at(0.25), p75: at(0.75) };
}
