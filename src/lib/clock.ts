/** The only source of "now" for domain code; tests pass a fixed or moving clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advanceMinutes(m: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advanceMinutes: (m) => {
      current = new Date(current.getTime() + m * 60_000);
    },
  };
}

export const nowIso = (clock: Clock): string => clock.now().toISOString();
