import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedRequested, testApp } from "../helpers/test-app.js";

const confirm = (app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, secret: string, slotId: string) =>
  app.request(`/api/expert/${secret}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slotId }),
  });

describe("confirming is one atomic conditional write", () => {
  it("20 concurrent confirmations → exactly one 200, the rest 409, one meeting", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => confirm(t.app, s.secret, s.slots[i % 2]!.id)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const audit = await t.deps.db.selectFrom("audit_entries").select("action").where("action", "=", "consultation.confirmed").execute();
    expect(audit).toHaveLength(1);
    const meetings = await t.deps.db.selectFrom("meetings").selectAll().execute();
    expect(meetings).toHaveLength(1);
    const outbox = await t.deps.db.selectFrom("outbox").selectAll().where("kind", "=", "meeting.sync").execute();
    expect(outbox).toHaveLength(1);
  });

  it("two connections on one SQLite file (as two processes would have): still exactly one winner", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "samrad-conc-")), "db.sqlite");
    const first = await testApp({ databasePath: path });
    const second = await testApp({ databasePath: path });
    const s = await seedRequested(first);
    const apps = [first.app, second.app];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => confirm(apps[i % 2]!, s.secret, s.slots[0]!.id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    await first.close();
    await second.close();
  });
});
