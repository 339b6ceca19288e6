import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { seedGroup, testApp } from "../helpers/test-app.js";

describe("minimal disclosure", () => {
  it("gives members the directory without e-mail addresses and the coordinator with them", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    const asMember = await t.call("GET", "/api/experts", { token: g.memberToken });
    expect(asMember.status).toBe(200);
    expect(asMember.body.items).toHaveLength(1);
    expect(asMember.body.items[0]).toMatchObject({ name: "Astrid Testesen", languages: ["sv", "en"] });
    expect(asMember.text).not.toContain("@");
    const asCoordinator = await t.call("GET", "/api/experts", { token: t.coordinator });
    expect(asCoordinator.body.items[0].email).toBe("astrid.testesen@example.org");
  });

  it("keeps an erased expert out of the directory", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    expect((await t.call("POST", "/api/privacy/erasure", { token: t.coordinator, body: { expertId: g.expertId } })).status).toBe(200);
    expect((await t.call("GET", "/api/experts", { token: t.coordinator })).body.items).toEqual([]);
  });

  it("does not tell members who wrote a topic", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    const topics = await t.call("GET", "/api/topics", { token: g.member2Token });
    expect(topics.status).toBe(200);
    expect(topics.body.items[0]).not.toHaveProperty("createdBy");
    expect(topics.text).not.toContain(g.memberId);
  });
});

describe("the database file", () => {
  it("and its write-ahead log are readable by the owner only", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "samrad-mode-")), "db.sqlite");
    const h = connectSqlite(path);
    migrateSqlite(h.raw);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect((statSync(file).mode & 0o777).toString(8), file).toBe("600");
    await h.close();
  });
});
