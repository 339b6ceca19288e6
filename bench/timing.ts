/** Timing helpers the benchmarks share. */

/** The middle value (the upper middle for an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds per run of `work` over `runs` runs after one warm-up run: the median and the fastest. */
export async function timeMs(runs: number, work: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  await work(); // warm the page cache, the statement cache and the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times) };
}
