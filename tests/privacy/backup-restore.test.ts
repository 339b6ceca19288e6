import { execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { seedGroup, testApp, twoSlots, type TestApp } from "../helpers/test-app.js";
import { freePort } from "../helpers/free-port.js";

const root = new URL("../../", import.meta.url).pathname;
const run = promisify(execFile);
const cli = (databasePath: string, ...args: string[]) =>
  run("npm", ["run", "--silent", "cli", "--", ...args], { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath }, encoding: "utf8" });

async function requested(t: TestApp, g: Awaited<ReturnType<typeof seedGroup>>) {
  const created = await t.call("POST", "/api/consultations", {
    token: g.memberToken,
    body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: twoSlots },
  });
  expect(created.status).toBe(201);
  const req = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
  expect(req.status).toBe(200);
  return { id: created.body.id as string, secret: String(req.body.expertLink).split("/e/")[1]!, slotId: created.body.slots[0].id as string };
}

/** Confirms even ones, cancels odd ones; returns the status each write acknowledged. */
async function writeBurst(t: TestApp, g: Awaited<ReturnType<typeof seedGroup>>, items: Awaited<ReturnType<typeof requested>>[]) {
  const acknowledged = new Map<string, string>();
  await Promise.all(
    items.map(async (c, i) => {
      const res =
        i % 2 === 0
          ? await t.call("POST", `/api/expert/${c.secret}/confirm`, { body: { slotId: c.slotId } })
          : await t.call("POST", `/api/consultations/${c.id}/cancel`, { token: g.memberToken, body: { reason: "Moved to spring" } });
      expect(res.status).toBe(200);
      acknowledged.set(c.id, res.body.status);
    }),
  );
  return acknowledged;
}

describe("backup and restore", () => {
  it("back up while confirmations and cancellations run, restore into a new file, and the server starts on it with every earlier write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samrad-backup-"));
    const live = join(dir, "live.sqlite");
    const t = await testApp({ databasePath: live });
    const g = await seedGroup(t);
    const items = [];
    for (let i = 0; i < 20; i++) items.push(await requested(t, g));
    const before = await writeBurst(t, g, items);
    expect([...before.values()].filter((s) => s === "confirmed")).toHaveLength(10);

    // The backup starts after those were acknowledged; new consultations are requested, confirmed
    // and cancelled for as long as it runs (at most 150 of them).
    let backupDone = false;
    const backup = cli(live, "backup", join(dir, "backup.sqlite")).finally(() => (backupDone = true));
    const during = new Map<string, string>();
    while (!backupDone && during.size < 150) {
      const pair = [await requested(t, g), await requested(t, g)];
      for (const [id, status] of await writeBurst(t, g, pair)) during.set(id, status);
    }
    const { stdout } = await backup;
    expect(stdout).toContain("integrity checked");
    expect(during.size).toBeGreaterThan(0);

    // The live database is open here: restoring over it is refused.
    await expect(cli(live, "restore", join(dir, "backup.sqlite"))).rejects.toMatchObject({ stderr: expect.stringContaining("in use") });
    await t.close();

    const restored = join(dir, "restored", "samrad.sqlite");
    await cli(restored, "restore", join(dir, "backup.sqlite"));
    const check = new Database(restored, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();

    const port = await freePort();
    const server = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: restored, LOG_LEVEL: "warn", OUTBOX_INTERVAL_MS: "3600000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    server.stdout.on("data", (d: Buffer) => (out += d.toString()));
    server.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise((resolve) => server.on("exit", resolve));
    try {
      const deadline = Date.now() + 45_000;
      while (!out.includes("listening") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out, out).toContain("listening");
      const statusOf = async (id: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/consultations/${id}`, { headers: { authorization: `Bearer ${t.coordinator}` } });
        return res.status === 200 ? ((await res.json()) as { status: string }).status : `HTTP ${res.status}`;
      };
      for (const [id, status] of before) expect(await statusOf(id), id).toBe(status);
      // A write that landed during the backup is wholly in it or not at all.
      for (const [id, status] of during) expect(["HTTP 404", "draft", "requested", status], id).toContain(await statusOf(id));
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
  }, 120_000);
});
