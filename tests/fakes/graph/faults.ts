/**
 * - "429" / "503" / "504": answer with that status (and Retry-After if given) instead of working.
 * - "reset": destroy the connection before doing anything.
 * - "slow": wait delayMs, then work and answer normally.
 * - "lostAnswer": do the work, then destroy the connection without answering (the case
 *   that makes a naive client create a second event).
 */
export type FaultKind = "429" | "503" | "504" | "reset" | "slow" | "lostAnswer";

export interface FaultRule {
  match?: {
    /** e.g. "POST"; any method when absent. */
    method?: string;
    /** Substring of the path (without query), e.g. "/events" or "/oauth2/v2.0/token". */
    pathIncludes?: string;
  };
  kind: FaultKind;
  retryAfterSeconds?: number;
  /** For "slow". Defaults to 1000. */
  delayMs?: number;
  /** How many requests it hits before it is spent. Defaults to 1; use Infinity for always. */
  times?: number;
  /** Chance (0..1) that a matching request is hit. Defaults to 1. */
  probability?: number;
}

export interface ActiveFault {
  readonly rule: FaultRule;
  /** How many requests it has hit so far. */
  readonly hits: number;
  remove(): void;
}

interface Entry {
  rule: FaultRule;
  hits: number;
  removed: boolean;
}

/** Fault rules, checked in the order they were added; the first that fires wins. */
export class FaultRules {
  private entries: Entry[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): ActiveFault {
    const entry: Entry = { rule, hits: 0, removed: false };
    this.entries.push(entry);
    return {
      rule,
      get hits() {
        return entry.hits;
      },
      remove: () => {
        entry.removed = true;
      },
    };
  }

  clear(): void {
    for (const entry of this.entries) entry.removed = true;
    this.entries = [];
  }

  /** The rule that hits this request, if any; counts the hit. */
  take(method: string, path: string): FaultRule | null {
    this.entries = this.entries.filter((entry) => !entry.removed && entry.hits < (entry.rule.times ?? 1));
    for (const entry of this.entries) {
      const { match = {}, probability = 1 } = entry.rule;
      if (match.method && match.method.toUpperCase() !== method) continue;
      if (match.pathIncludes && !path.toLowerCase().includes(match.pathIncludes.toLowerCase())) continue;
      if (probability < 1 && this.random() >= probability) continue;
      entry.hits += 1;
      return entry.rule;
    }
    return null;
  }
}
