import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { DB } from "./schema.js";

const MARKER = "\u0000samrad-param:";

/** A named placeholder for a prepared query; replaced by the argument of that name at run time. */
export function param<T>(name: string): T {
  return `${MARKER}${name}` as unknown as T;
}

/**
 * A query built and compiled once per database, then run with new arguments. Building and
 * compiling a Kysely query costs several times more than SQLite takes to run a small read,
 * so the hot reads go through here.
 *
 * @example
 * const byId = preparedQuery((db) => db.selectFrom("topics").selectAll().where("id", "=", param<string>("id")));
 * const rows = await byId(db, { id });
 * const [rows2, other] = await readTogether(deps, [byId.statement(db, { id }), otherQuery]);
 */
export function preparedQuery<Row, Args extends Record<string, unknown>>(build: (db: Kysely<DB>) => Compilable<Row>) {
  const compiled = new WeakMap<Kysely<DB>, CompiledQuery<Row>>();
  /** The compiled statement with these arguments, to run or to ride in a batch (readTogether, atomic). */
  const statement = (db: Kysely<DB>, args: Args): CompiledQuery<Row> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db).compile();
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((value) => {
      if (typeof value !== "string" || !value.startsWith(MARKER)) return value;
      const name = value.slice(MARKER.length);
      if (!(name in args)) throw new Error(`prepared query is missing argument "${name}"`);
      return args[name];
    });
    return { ...query, parameters };
  };
  const run = async (db: Kysely<DB>, args: Args): Promise<Row[]> => (await db.executeQuery<Row>(statement(db, args))).rows;
  return Object.assign(run, { statement });
}
