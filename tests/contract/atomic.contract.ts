/**
 * The atomic-write port's contract, run against better-sqlite3 (Node) and D1.batch() (workerd):
 * the same list of statements gives the same results, and a failing statement undoes the batch.
 */
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { AtomicWrite } from "../../src/db/atomic.js";
import type { DB } from "../../src/db/schema.js";

export interface AtomicTarget {
  db: Kysely<DB>;
  atomic: AtomicWrite;
}

const organisation = (id: string, name: string, criteria = 1) => ({
  id,
  name,
  country: "FI",
  website: null,
  nationallySignificant: criteria,
  innovative: 0,
  evidenceBased: 0,
  criteriaNote: null,
  createdAt: "2027-01-01T00:00:00.000Z",
});

export function atomicContract(makeTarget: () => Promise<AtomicTarget>): void {
  let t: AtomicTarget;
  beforeAll(async () => {
    t = await makeTarget();
  });

  describe("the atomic-write port", () => {
    it("reports rows written and rows returned per statement, RETURNING included", async () => {
      const id = crypto.randomUUID();
      const { db } = t;
      const results = await t.atomic([
        db.insertInto("organisations").values(organisation(id, "Before")).compile(),
        db.selectFrom("organisations").select(["id", "name"]).where("id", "=", id).compile(),
        db.updateTable("organisations").set({ name: "After" }).where("id", "=", id).returning(["id", "name"]).compile(),
        db.updateTable("organisations").set({ name: "Nobody" }).where("id", "=", crypto.randomUUID()).compile(),
        db.selectFrom("organisations").select("id").where("id", "=", crypto.randomUUID()).compile(),
      ]);
      expect(results).toEqual([
        { changes: 1, rows: [] },
        { changes: 0, rows: [{ id, name: "Before" }] },
        { changes: 1, rows: [{ id, name: "After" }] },
        { changes: 0, rows: [] },
        { changes: 0, rows: [] },
      ]);
    });

    it("writes nothing when one statement fails", async () => {
      const id = crypto.randomUUID();
      const { db } = t;
      // The second organisation meets no selection criterion: the CHECK constraint fails.
      await expect(
        t.atomic([
          db.insertInto("organisations").values(organisation(id, "Kept?")).compile(),
          db.insertInto("organisations").values(organisation(crypto.randomUUID(), "Invalid", 0)).compile(),
        ]),
      ).rejects.toThrow(/CHECK constraint failed/);
      expect(await db.selectFrom("organisations").select("id").where("id", "=", id).execute()).toEqual([]);
    });

    it("enforces foreign keys", async () => {
      const { db } = t;
      const expert = {
        id: crypto.randomUUID(),
        organisationId: crypto.randomUUID(),
        name: "Nobody",
        email: "nobody@example.org",
        languages: "[]",
        themes: "[]",
        timeZone: "UTC",
        createdAt: "2027-01-01T00:00:00.000Z",
      };
      await expect(t.atomic([db.insertInto("experts").values(expert).compile()])).rejects.toThrow(/FOREIGN KEY constraint failed/);
    });

    it("accepts an empty list", async () => {
      expect(await t.atomic([])).toEqual([]);
    });
  });
}
