import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");
/** The one module allowed to write a consultation row: its writes derive from the lifecycle table. */
const WRITER = "consultations/transition-writes.ts";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

// Kysely builders and raw SQL alike; case-insensitive, across line breaks.
const WRITES = [/(updateTable|insertInto|deleteFrom)\(\s*["'`]consultations["'`]/, /\b(update|insert\s+into|replace\s+into|delete\s+from)\s+["'`]?consultations\b/i];

describe("who writes consultations", () => {
  it(`only ${WRITER} writes the consultations table, so every status change goes through the lifecycle table`, () => {
    const offenders = sources(SRC)
      .map((file) => ({ file: relative(SRC, file), text: readFileSync(file, "utf8") }))
      .filter(({ file, text }) => file !== WRITER && WRITES.some((re) => re.test(text)))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("the check itself finds a write outside the module (so it can fail)", () => {
    expect(WRITES.some((re) => re.test(`db.updateTable("consultations").set({ status: "held" })`))).toBe(true);
    expect(WRITES.some((re) => re.test("UPDATE consultations SET status = 'held'"))).toBe(true);
    expect(readFileSync(join(SRC, WRITER), "utf8")).toMatch(WRITES[0]!);
  });
});
