/**
 * A D1 binding that counts what crosses to the database: each prepared statement run (all, first,
 * run, raw) is one round trip with one statement, a batch one round trip with all of its
 * statements. On Workers every round trip goes over the network, so this is what a route waits on.
 * Structural types only, so that both the Node and the Workers type-checks accept this file.
 */
export interface Counts {
  statements: number;
  roundTrips: number;
  /**
   * Round trips that began while no other was on its way: what a user waits for when each takes
   * the same time (queries run together with Promise.all overlap). Only D1 reports it: better-sqlite3
   * runs one query after another, so there every round trip is sequential.
   */
  sequential?: number;
}

interface Statement {
  bind(...values: unknown[]): Statement;
}
interface Database {
  prepare(sql: string): Statement;
  batch(statements: Statement[]): Promise<unknown>;
}

const RUNS = new Set(["all", "first", "run", "raw"]);

/** One round trip begins: counted, and counted as sequential when nothing else is in flight. */
function roundTrip<R>(tally: Counts, inFlight: { n: number }, statements: number, run: () => R): R {
  tally.roundTrips += 1;
  tally.statements += statements;
  if (inFlight.n === 0) tally.sequential = (tally.sequential ?? 0) + 1;
  inFlight.n += 1;
  const result = run();
  void Promise.resolve(result).finally(() => (inFlight.n -= 1)).catch(() => undefined);
  return result;
}

/** `counts()` is read at each call, so that the caller can start a fresh tally per request. */
export function countingD1<T extends object>(binding: T, counts: () => Counts): T {
  const real = new WeakMap<object, Statement>();
  const inFlight = { n: 0 };
  const wrap = (statement: Statement): Statement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        if (typeof prop === "string" && RUNS.has(prop)) {
          return (...args: unknown[]) => roundTrip(counts(), inFlight, 1, () => (value as (...a: unknown[]) => unknown).apply(target, args));
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    real.set(proxy, statement);
    return proxy;
  };
  const database = binding as unknown as Database;
  return new Proxy(binding, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "prepare") return (sql: string) => wrap(database.prepare(sql));
      if (prop === "batch") {
        return (statements: Statement[]) =>
          roundTrip(counts(), inFlight, statements.length, () => database.batch(statements.map((s) => real.get(s) ?? s)));
      }
      if (prop === "exec") {
        return (sql: string) => roundTrip(counts(), inFlight, 1, () => (value as (s: string) => unknown).call(target, sql));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
