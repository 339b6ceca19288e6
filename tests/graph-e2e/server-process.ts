/**
 * The real Samråd server as a child process, configured for a fake Graph exactly as an
 * operator would configure it for a tenant (the six settings plus NODE_EXTRA_CA_CERTS,
 * which the vitest globalSetup has put into this worker's env). No test-only code path.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeGraph } from "../fakes/graph/index.js";
import { addTestThemes } from "../helpers/test-themes.js";
import { freePort } from "../helpers/free-port.js";
export { freePort };

export const root = new URL("../../", import.meta.url).pathname;

export function tempDatabasePath(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), "samrad.sqlite");
}

export interface ServerOptions {
  /** A fake Graph to connect as the tenant; without it the server runs without Microsoft 365. */
  fake?: FakeGraph;
  /** Further settings (e.g. SMTP_URL and MAIL_FROM). */
  env?: Record<string, string>;
  port: number;
  databasePath: string;
  outboxIntervalMs?: number;
  logLevel?: string;
  startTimeoutMs?: number;
}

export interface ServerProcess {
  readonly base: string;
  readonly pid: number;
  /** The coordinator token printed on a fresh database, else null. */
  readonly printedToken: string | null;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGKILL: no shutdown handler runs, in-flight work is lost mid-way. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** The environment an operator sets to connect a tenant, here pointed at the fake. */
export function graphEnv(fake: FakeGraph): Record<string, string> {
  return {
    AZURE_TENANT_ID: fake.config.tenantId,
    AZURE_CLIENT_ID: fake.config.clientId,
    AZURE_CLIENT_SECRET: fake.config.clientSecret,
    GRAPH_ORGANIZER: fake.config.organizer,
    GRAPH_BASE_URL: fake.config.graphBaseUrl,
    AZURE_AUTHORITY_HOST: fake.config.authorityHost,
  };
}

/**
 * Starts `node --import tsx src/entry.node.ts` directly (not through npm and a shell), so a
 * signal reaches the server itself. Resolves once it prints that it is listening.
 */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  if (options.fake && !process.env.NODE_EXTRA_CA_CERTS) throw new Error("NODE_EXTRA_CA_CERTS is not set: is tests/graph/setup.ts the globalSetup?");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/entry.node.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...(options.fake ? graphEnv(options.fake) : {}),
      ...options.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_PATH: options.databasePath,
      OUTBOX_INTERVAL_MS: String(options.outboxIntervalMs ?? 200),
      LOG_LEVEL: options.logLevel ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + (options.startTimeoutMs ?? 45_000);
  while (!/listening on http/.test(out)) {
    if (hasExited) throw new Error(`the server exited before listening:\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (options.fake && !/meetings: graph[,)]/.test(out)) {
    child.kill("SIGKILL");
    throw new Error(`the server did not pick Microsoft Graph for meetings:\n${out}`);
  }
  const pid = Number(/\(pid (\d+)/.exec(out)?.[1]);
  if (pid !== child.pid) throw new Error(`expected the server itself (pid ${child.pid}) but it says pid ${pid}`);
  const printedToken = firstCoordinatorToken(out);

  return {
    base: `http://127.0.0.1:${options.port}`,
    pid,
    printedToken,
    output: () => out,
    async kill() {
      if (!hasExited) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (hasExited) return exited;
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/**
 * The first coordinator token of a fresh database. stdout is a pipe here, not a terminal, so
 * the server writes it to an owner-only file and logs where (src/tokens/first-coordinator.ts).
 */
export function firstCoordinatorToken(output: string): string | null {
  const printed = output.split("\n").find((line) => line.startsWith("smr_c_"))?.trim();
  if (printed) return printed;
  const file = /written to (\S+first-coordinator-token\.txt)/.exec(output)?.[1];
  return file ? readFileSync(file, "utf8").trim() : null;
}

export interface ApiAnswer {
  status: number;
  body: any;
}

/** One HTTP call; throws only when no answer came back (refused, reset, timeout). */
export async function api(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; timeoutMs?: number } = {},
): Promise<ApiAnswer> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus(answer: ApiAnswer, status: number, what: string): any {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface Seed {
  organisationId: string;
  expert: { id: string; name: string; email: string };
  groupId: string;
  members: { id: string; name: string; email: string; token: string }[];
  topic: { id: string; title: string };
  brief: { id: string; challenge: string; questions: string[] };
}

/** One organisation, one Swedish-speaking expert, one Finnish group with members, one topic and brief. */
export async function seed(base: string, coordinator: string, memberCount = 2): Promise<Seed> {
  const call = (method: string, path: string, body?: unknown, token: string = coordinator) => api(base, method, path, { body, token });
  await addTestThemes((method, path, init) => api(base, method, path, init), coordinator);
  const org = expectStatus(
    await call("POST", "/api/organisations", {
      name: "Nordens välfärdscenter",
      country: "SE",
      criteria: { nationallySignificant: true, innovative: true, evidenceBased: true },
    }),
    201,
    "create organisation",
  );
  const expertInput = { name: "Sara Lindqvist", email: "sara.lindqvist@nordicwelfare.example" };
  const expert = expectStatus(
    await call("POST", "/api/experts", {
      organisationId: org.id,
      ...expertInput,
      languages: ["sv", "en"],
      timeZone: "Europe/Stockholm",
      themes: ["youth services"],
    }),
    201,
    "create expert",
  );
  const group = expectStatus(
    await call("POST", "/api/groups", { name: "Nuorten palvelut", organisation: "Tampereen kaupunki", timeZone: "Europe/Helsinki", country: "FI" }),
    201,
    "create group",
  );
  const members: Seed["members"] = [];
  for (let i = 0; i < memberCount; i++) {
    const input = { name: `Jäsen ${i + 1}`, email: `member${i + 1}@tampere.example` };
    const m = expectStatus(await call("POST", `/api/groups/${group.id}/members`, input), 201, "add member");
    members.push({ id: m.id, ...input, token: m.token });
  }
  const mt = members[0]!.token;
  const topic = expectStatus(
    await call("POST", "/api/topics", { title: "Hur når vi unga vuxna?", theme: "youth services", description: "Young adults do not find the service." }, mt),
    201,
    "create topic",
  );
  const briefInput = {
    challenge: "Unga vuxna hittar inte till tjänsten trots omfattande marknadsföring.",
    questions: ["Vilka kanaler fungerar i Sverige?", "Hur mäter ni räckvidden?"],
    language: "sv",
  };
  const brief = expectStatus(await call("POST", `/api/topics/${topic.id}/briefs`, briefInput, mt), 201, "create brief");
  return {
    organisationId: org.id,
    expert: { id: expert.id, ...expertInput },
    groupId: group.id,
    members,
    topic: { id: topic.id, title: topic.title },
    brief: { id: brief.id, challenge: briefInput.challenge, questions: briefInput.questions },
  };
}

/** Slot starts on a 5-minute grid, `count` of them an hour apart from `first`. */
export function slotStarts(first: Date, count: number): { start: string }[] {
  return Array.from({ length: count }, (_, k) => ({ start: new Date(first.getTime() + k * 3_600_000).toISOString() }));
}

/** Midnight UTC `days` from now. */
export function daysAhead(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
