import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { addTestThemes } from "../helpers/test-themes.js";
import { freePort } from "../helpers/free-port.js";

const root = new URL("../../", import.meta.url).pathname;

describe("the real server process, started as the README says", () => {
  it("npm start: migrates, prints a coordinator token, serves the flow over HTTP, exits cleanly on SIGTERM", async () => {
    const port = await freePort();
    const dbPath = join(mkdtempSync(join(tmpdir(), "samrad-srv-")), "data", "samrad.sqlite");
    const child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbPath, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const deadline = Date.now() + 45_000;
    while (!out.includes("listening") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out, out).toContain("listening");
    // stdout is a pipe, not a terminal: the token is in an owner-only file beside the database.
    expect(out).not.toMatch(/smr_c_/);
    const tokenFile = join(dirname(dbPath), "first-coordinator-token.txt");
    expect(out).toContain(tokenFile);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenFile, "utf8").trim();
    expect(token).toMatch(/^smr_c_/);

    const base = `http://127.0.0.1:${port}`;
    const call = async (method: string, path: string, body?: unknown, bearer = token) => {
      const res = await fetch(base + path, {
        method,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    await addTestThemes((m, path, init) => call(m, path, init.body, init.token), token);
    const org = await call("POST", "/api/organisations", {
      name: "Nordic Welfare Centre",
      country: "SE",
      criteria: { nationallySignificant: true, innovative: true, evidenceBased: true },
    });
    expect(org.status).toBe(201);
    const expert = await call("POST", "/api/experts", {
      organisationId: org.body.id,
      name: "Example Expertsson",
      email: "expert@example.org",
      languages: ["sv"],
      timeZone: "Europe/Stockholm",
      themes: ["elderly care"],
    });
    const group = await call("POST", "/api/groups", { name: "Test group", organisation: "Example municipality" });
    const member = await call("POST", `/api/groups/${group.body.id}/members`, { name: "Example Member", email: "m@example.fi" });
    const mt = member.body.token as string;
    const topic = await call("POST", "/api/topics", { title: "Customer choice", theme: "elderly care", description: "d" }, mt);
    const brief = await call("POST", `/api/topics/${topic.body.id}/briefs`, { challenge: "c", questions: ["q"], language: "sv" }, mt);
    const future = new Date(Date.now() + 7 * 86_400_000);
    future.setUTCHours(8, 0, 0, 0);
    const later = new Date(future.getTime() + 3_600_000);
    const created = await call(
      "POST",
      "/api/consultations",
      { topicId: topic.body.id, briefId: brief.body.id, expertId: expert.body.id, durationMinutes: 30, slots: [{ start: future.toISOString() }, { start: later.toISOString() }] },
      mt,
    );
    expect(created.status).toBe(201);
    const requested = await call("POST", `/api/consultations/${created.body.id}/request`, undefined, mt);
    const secret = String(requested.body.expertLink).split("/e/")[1];
    const confirmed = await call("POST", `/api/expert/${secret}/confirm`, { slotId: created.body.slots[0].id }, undefined);
    expect(confirmed.status).toBe(200);
    const seen = await call("GET", `/api/consultations/${created.body.id}`, undefined, mt);
    expect(seen.body.status).toBe("confirmed");
    expect(seen.body.meeting.provider).toBe("ics");
    // The built server keeps the files' bodies in modules of their own (scripts/node-build.mjs), read on first use.
    const docs = await (await fetch(`${base}/docs`)).text();
    const script = /src="(\/docs\/swagger-ui-bundle\.js[^"]*)"/.exec(docs)?.[1];
    expect(script, docs).toBeDefined();
    const swagger = await fetch(base + script);
    expect(swagger.status).toBe(200);
    expect(await swagger.text()).toContain("SwaggerUIBundle");
    const styles = await fetch(`${base}/assets/styles.css`);
    expect(styles.status).toBe(200);
    expect(styles.headers.get("content-type")).toBe("text/css; charset=utf-8");

    // npm runs the server through a shell; the server names its own pid so the signal reaches it.
    const pid = Number(/\(pid (\d+)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("shutting down");
  }, 90_000);

  it.each([
    ["a bad port", { PORT: "not-a-port" }, "PORT"],
    ["half a Microsoft 365 configuration", { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" }, "AZURE_CLIENT_SECRET"],
  ])("refuses to start with %s and names it", async (_name, env, named) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(out).toContain(named);
  }, 60_000);
});
