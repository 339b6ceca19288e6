import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { api, expectStatus, firstCoordinatorToken, freePort, root, tempDatabasePath } from "../graph-e2e/server-process.js";

/** The real server (ICS mode) on a given database file; resolves once it listens. */
async function startPlainServer(databasePath: string): Promise<{ base: string; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/entry.node.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: databasePath, LOG_LEVEL: "warn", OUTBOX_INTERVAL_MS: "60000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 45_000;
  while (!/listening on http/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

describe("revoking a token across two server processes on one database file", () => {
  it("is refused at once by the revoking process and within 5 seconds by the other", async () => {
    const databasePath = tempDatabasePath("samrad-revoke-");
    const a = await startPlainServer(databasePath);
    const b = await startPlainServer(databasePath);
    try {
      const coordinator = firstCoordinatorToken(a.output());
      expect(coordinator).toMatch(/^smr_c_/);
      const group = expectStatus(await api(a.base, "POST", "/api/groups", { token: coordinator, body: { name: "Ryhmä", organisation: "Kunta" } }), 201, "group");
      const member = expectStatus(
        await api(a.base, "POST", `/api/groups/${group.id}/members`, { token: coordinator, body: { name: "Testi Jäsen", email: "testi.jasen@example.fi" } }),
        201,
        "member",
      );
      expect(member.tokenId).toEqual(expect.any(String));
      // Both processes have the member's token in their cache now.
      expect((await api(a.base, "GET", "/api/topics", { token: member.token })).status).toBe(200);
      expect((await api(b.base, "GET", "/api/topics", { token: member.token })).status).toBe(200);

      const listed = expectStatus(await api(b.base, "GET", "/api/tokens", { token: coordinator }), 200, "tokens");
      const row = listed.items.find((t: { id: string }) => t.id === member.tokenId);
      expect(row).toMatchObject({ role: "member", memberId: member.id, revokedAt: null });
      expect(row.expiresAt).toEqual(expect.any(String));
      expect(JSON.stringify(listed)).not.toContain("tokenHash");
      expect(JSON.stringify(listed)).not.toContain(member.token);

      const revoked = expectStatus(await api(a.base, "POST", `/api/tokens/${member.tokenId}/revoke`, { token: coordinator }), 200, "revoke");
      expect(revoked.revokedAt).toEqual(expect.any(String));
      const at = Date.now();
      expect((await api(a.base, "GET", "/api/topics", { token: member.token })).status).toBe(401);
      let refusedByB: number | null = null;
      while (Date.now() - at < 8000) {
        if ((await api(b.base, "GET", "/api/topics", { token: member.token })).status === 401) {
          refusedByB = Date.now() - at;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(refusedByB).not.toBeNull();
      expect(refusedByB!).toBeLessThan(5000);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);
});
