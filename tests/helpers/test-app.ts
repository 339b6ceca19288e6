import { createApp } from "../../src/app.js";
import { buildDeps } from "../../src/build-deps.js";
import { loadConfig } from "../../src/config.js";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import type { Deps } from "../../src/deps.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/log.js";
import type { Mailer, Scheduler } from "../../src/meetings/scheduler.js";
import type { Logger } from "../../src/lib/log.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import { insertTestThemes } from "./test-themes.js";
import { nodeStaticFiles } from "../../src/pages/assets/node-static-files.js";
import type { WebhookTransport } from "../../src/webhooks/webhook-transport.js";

export const TEST_NOW = "2027-03-01T08:00:00.000Z";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A fresh app over a fresh, migrated, real SQLite database (in memory) with a controllable clock. */
export async function testApp(
  opts: {
    now?: string;
    env?: Record<string, string>;
    scheduler?: Scheduler;
    mailer?: Mailer;
    databasePath?: string;
    webhookTransport?: WebhookTransport;
    promptWebhooks?: boolean;
    log?: Logger;
  } = {},
) {
  const handle = connectSqlite(opts.databasePath ?? ":memory:");
  migrateSqlite(handle.raw);
  await insertTestThemes(handle.db, TEST_NOW);
  const clock = fixedClock(opts.now ?? TEST_NOW);
  const config = loadConfig({
    PUBLIC_BASE_URL: "http://samrad.test",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const deps: Deps = buildDeps({
    db: handle.db,
    atomic: handle.atomic,
    config,
    clock,
    log: opts.log ?? silentLogger,
    scheduler: opts.scheduler,
    mailer: opts.mailer,
    webhookTransport: opts.webhookTransport,
    promptWebhooks: opts.promptWebhooks,
    staticFiles: nodeStaticFiles,
  });
  const app = createApp(deps);
  const coordinator = (
    await issueToken(handle.db, {
      role: "coordinator",
      label: "test",
      now: clock.now().toISOString(),
    })
  ).token;

  async function call<T = any>(
    method: string,
    path: string,
    init: {
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json"))
      parsed = JSON.parse(text);
    return {
      status: res.status,
      body: parsed as T,
      headers: res.headers,
      text,
    };
  }

  return { app, deps, clock, handle, coordinator, call, close: handle.close };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/**
 * E-mail addresses are unique in the directory and among members: the first set seeded in a test
 * app keeps the plain addresses (mikko.keksitty@example.fi), later ones get a number in them.
 */
const seededIn = new WeakMap<TestApp, number>();

/** A seeding step that did not get the status it needs stops the test there, saying which. */
export function expectStatus<R extends { status: number; text: string }>(
  what: string,
  res: R,
  status: number,
): R {
  if (res.status !== status)
    throw new Error(
      `seeding ${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`,
    );
  return res;
}

/** Directory entries, a group with two members, a topic and a brief: what a consultation needs. */
export async function seedGroup(
  t: TestApp,
  opts: { expertZone?: string; groupName?: string; languages?: string[] } = {},
) {
  const count = (seededIn.get(t) ?? 0) + 1;
  seededIn.set(t, count);
  const n = count === 1 ? "" : `.${count}`;
  const org = expectStatus(
    "org",
    await t.call("POST", "/api/organisations", {
      token: t.coordinator,
      body: {
        name: "VISO",
        country: "DK",
        criteria: {
          nationallySignificant: true,
          innovative: false,
          evidenceBased: true,
        },
      },
    }),
    201,
  );
  const expert = expectStatus(
    "expert",
    await t.call("POST", "/api/experts", {
      token: t.coordinator,
      body: {
        organisationId: org.body.id,
        name: "Astrid Testesen",
        email: `astrid.testesen${n}@example.org`,
        languages: opts.languages ?? ["sv", "en"],
        timeZone: opts.expertZone ?? "Europe/Stockholm",
        themes: ["child protection", "preventive family work"],
      },
    }),
    201,
  );
  const group = expectStatus(
    "group",
    await t.call("POST", "/api/groups", {
      token: t.coordinator,
      body: {
        name: opts.groupName ?? "Lastensuojelun kehittäjäryhmä",
        organisation: "Pohjanmaan hyvinvointialue",
      },
    }),
    201,
  );
  const member = expectStatus(
    "member",
    await t.call("POST", `/api/groups/${group.body.id}/members`, {
      token: t.coordinator,
      body: { name: "Mikko Keksitty", email: `mikko.keksitty${n}@example.fi` },
    }),
    201,
  );
  const member2 = expectStatus(
    "member2",
    await t.call("POST", `/api/groups/${group.body.id}/members`, {
      token: t.coordinator,
      body: { name: "Sanna Kuvitteellinen", email: `sanna.k${n}@example.fi` },
    }),
    201,
  );
  const topic = expectStatus(
    "topic",
    await t.call("POST", "/api/topics", {
      token: member.body.token,
      body: {
        title: "Early support for families",
        theme: "child protection",
        description: "How to reach families earlier.",
      },
    }),
    201,
  );
  const brief = expectStatus(
    "brief",
    await t.call("POST", `/api/topics/${topic.body.id}/briefs`, {
      token: member.body.token,
      body: {
        challenge: "Referrals arrive late; we want earlier contact.",
        questions: ["What works?", "How do you measure it?"],
        language: "en",
      },
    }),
    201,
  );
  return {
    orgId: org.body.id as string,
    expertId: expert.body.id as string,
    groupId: group.body.id as string,
    memberToken: member.body.token as string,
    member2Token: member2.body.token as string,
    member2Id: member2.body.id as string,
    memberId: member.body.id as string,
    memberEmail: member.body.email as string,
    topicId: topic.body.id as string,
    briefId: brief.body.id as string,
  };
}

/** Two slots a week after TEST_NOW: Monday 8 March 2027 at 10:00 and 13:00 Helsinki (UTC+2). */
export const twoSlots = [
  { start: "2027-03-08T10:00:00+02:00" },
  { start: "2027-03-08T13:00:00+02:00" },
];

export async function seedRequested(
  t: TestApp,
  opts: Parameters<typeof seedGroup>[1] = {},
) {
  const g = await seedGroup(t, opts);
  const created = expectStatus(
    "consultation",
    await t.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: {
        topicId: g.topicId,
        briefId: g.briefId,
        expertId: g.expertId,
        durationMinutes: 45,
        slots: twoSlots,
      },
    }),
    201,
  );
  const requested = expectStatus(
    "request",
    await t.call("POST", `/api/consultations/${created.body.id}/request`, {
      token: g.memberToken,
    }),
    200,
  );
  const secret = String(requested.body.expertLink).split("/e/")[1]!;
  return {
    ...g,
    consultationId: created.body.id as string,
    slots: created.body.slots as { id: string; start: string; end: string }[],
    secret,
    requested,
  };
}
