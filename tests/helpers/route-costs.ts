/**
 * What each main API route and page costs the database: statements, and round trips (a batch is
 * one). The same scenario runs on every engine (SQLite in process, D1 inside workerd), from the
 * statement-count tests and from `npm run bench`. Data is made through the API only; no vitest
 * and no Node-only imports, so that workerd can load this file too.
 */
import type { Counts } from "./counting-d1.js";
import { addTestThemes } from "./test-themes.js";

export interface Sent {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read field by field below
  body: any;
  text: string;
  /** The cookies the answer sets, as `name=value`. */
  cookies: string[];
  /** What the database saw until the answer was handed back (the request path). */
  counts: Counts;
  /** What the work queued for after the answer (mail, webhooks) then cost; omitted when none ran. */
  afterAnswer?: Counts;
}

export interface SendInit {
  token?: string;
  /** A page's session cookie, e.g. "samrad_member=<token>". */
  cookie?: string;
  body?: unknown;
  /** A page form, sent urlencoded with the site's Origin. */
  form?: Record<string, string>;
}

export interface CostTarget {
  now(): Date;
  coordinatorToken(): Promise<string>;
  send(method: string, path: string, init?: SendInit): Promise<Sent>;
}

export type RouteKind = "read" | "confirm" | "page";

export interface RouteCost extends Counts {
  route: string;
  kind: RouteKind;
  status: number;
}

/** Builds the Request both engines receive. */
export function requestFor(url: string, method: string, init: SendInit = {}): Request {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers.origin = new URL(url).origin;
    body = new URLSearchParams(init.form).toString();
  } else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return new Request(url, { method, headers, body, redirect: "manual" });
}

/** The `name=value` pairs of a response's Set-Cookie lines, cleared cookies left out. */
export function cookiesOf(res: Response): string[] {
  // Both runtimes have getSetCookie; the Workers types of this pin do not declare it.
  return (res.headers as unknown as { getSetCookie(): string[] })
    .getSetCookie()
    .filter((line) => !/max-age=0/i.test(line))
    .map((line) => line.split(";")[0]!.trim())
    .filter((pair) => !pair.endsWith("="));
}

/**
 * Signs in on a page's login form as a browser does (CSRF cookie first, then the form with the
 * token) and returns the cookie header that carries the session.
 */
async function signInOnPage(t: CostTarget, login: "/app/login" | "/coordinator/login", token: string): Promise<string> {
  const first = await expectStatus(t.send("GET", "/accessibility"), 200, "CSRF cookie");
  const csrf = first.cookies.find((c) => c.startsWith("samrad_csrf="));
  if (!csrf) throw new Error("no CSRF cookie on /accessibility");
  const signedIn = await expectStatus(t.send("POST", login, { cookie: csrf, form: { _csrf: csrf.split("=")[1]!, token } }), 303, `sign-in at ${login}`);
  const session = signedIn.cookies.find((c) => c.startsWith("samrad_member=") || c.startsWith("samrad_coordinator="));
  if (!session) throw new Error(`no session cookie from ${login}`);
  return [csrf, session].join("; ");
}

async function expectStatus(res: Promise<Sent>, status: number, what: string): Promise<Sent> {
  const sent = await res;
  if (sent.status !== status) throw new Error(`${what}: expected ${status}, got ${sent.status}: ${sent.text.slice(0, 300)}`);
  return sent;
}

/** Two proposed starts a week after `now`, on working days' office hours, on the 5-minute grid. */
function slotsAfter(now: Date, daysAhead: number): { start: string }[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000).toISOString().replace(".000Z", "Z");
  return [{ start: at(9) }, { start: at(12) }];
}

/** A group with a member, an expert, a topic and a brief, and `n` consultations sent to the expert. */
export async function seedForCosts(t: CostTarget, n: number) {
  const coordinator = await t.coordinatorToken();
  await addTestThemes(t.send.bind(t), coordinator);
  const org = await expectStatus(
    t.send("POST", "/api/organisations", {
      token: coordinator,
      body: { name: "Nordic Welfare Centre", country: "SE", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } },
    }),
    201,
    "organisation",
  );
  const expert = await expectStatus(
    t.send("POST", "/api/experts", {
      token: coordinator,
      body: {
        organisationId: org.body.id,
        name: "Invented Expertsson",
        email: "invented.expertsson@example.org",
        languages: ["sv", "en"],
        timeZone: "Europe/Stockholm",
        themes: ["elderly care"],
      },
    }),
    201,
    "expert",
  );
  const group = await expectStatus(t.send("POST", "/api/groups", { token: coordinator, body: { name: "Costs group", organisation: "Example county" } }), 201, "group");
  const member = await expectStatus(
    t.send("POST", `/api/groups/${group.body.id}/members`, { token: coordinator, body: { name: "Invented Member", email: "invented.member@example.fi" } }),
    201,
    "member",
  );
  const memberToken: string = member.body.token;
  const topic = await expectStatus(
    t.send("POST", "/api/topics", { token: memberToken, body: { title: "Customer choice", theme: "elderly care", description: "How others do it." } }),
    201,
    "topic",
  );
  const brief = await expectStatus(
    t.send("POST", `/api/topics/${topic.body.id}/briefs`, {
      token: memberToken,
      body: { challenge: "Vouchers reach few clients.", questions: ["What works?"], language: "en" },
    }),
    201,
    "brief",
  );
  const requested: { id: string; secret: string; slotId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const draft = await expectStatus(
      t.send("POST", "/api/consultations", {
        token: memberToken,
        body: { topicId: topic.body.id, briefId: brief.body.id, expertId: expert.body.id, durationMinutes: 45, slots: slotsAfter(t.now(), 7 + i) },
      }),
      201,
      "consultation",
    );
    const sent = await expectStatus(t.send("POST", `/api/consultations/${draft.body.id}/request`, { token: memberToken }), 200, "request");
    requested.push({ id: draft.body.id, secret: String(sent.body.expertLink).split("/e/")[1]!, slotId: draft.body.slots[0].id });
  }
  return { coordinator, memberToken, requested };
}

/** The coordinator's workplace pages (issue 11), each with the data seedForCosts makes. */
const WORKPLACE_PAGES = ["directory", "groups", "tokens", "consultations", "consultations/:id", "outbox", "feedback", "themes", "programmes", "privacy", "security-events"];

/**
 * Each route once to warm up (caches, prepared queries, the token cache), then once counted.
 * Reads and pages look at a confirmed consultation with its meeting; the confirmation is counted on
 * a consultation of its own.
 */
export async function measureRouteCosts(t: CostTarget): Promise<RouteCost[]> {
  const { coordinator, memberToken, requested } = await seedForCosts(t, 4);
  const [shown, warmConfirm, countedConfirm, pending] = requested as [(typeof requested)[0], (typeof requested)[0], (typeof requested)[0], (typeof requested)[0]];
  await expectStatus(t.send("POST", `/api/expert/${shown.secret}/confirm`, { body: { slotId: shown.slotId } }), 200, "confirm");

  const member = { token: memberToken };
  const memberPages = { cookie: await signInOnPage(t, "/app/login", memberToken) };
  const coordinatorPages = { cookie: await signInOnPage(t, "/coordinator/login", coordinator) };
  const routes: { route: string; kind: RouteKind; method: string; path: string; init: SendInit; status: number }[] = [
    { route: "GET /api/consultations/:id", kind: "read", method: "GET", path: `/api/consultations/${shown.id}`, init: member, status: 200 },
    { route: "GET /api/consultations", kind: "read", method: "GET", path: "/api/consultations", init: member, status: 200 },
    { route: "GET /api/experts", kind: "read", method: "GET", path: "/api/experts", init: member, status: 200 },
    { route: "GET /api/expert/:secret", kind: "read", method: "GET", path: `/api/expert/${pending.secret}`, init: {}, status: 200 },
    { route: "GET /api/reports/concept", kind: "read", method: "GET", path: "/api/reports/concept", init: { token: coordinator }, status: 200 },
    { route: "GET /e/:secret (page)", kind: "page", method: "GET", path: `/e/${pending.secret}`, init: {}, status: 200 },
    { route: "GET /app (page)", kind: "page", method: "GET", path: "/app", init: memberPages, status: 200 },
    { route: "GET /app/consultations/:id (page)", kind: "page", method: "GET", path: `/app/consultations/${shown.id}`, init: memberPages, status: 200 },
    { route: "GET /coordinator (page)", kind: "page", method: "GET", path: "/coordinator", init: coordinatorPages, status: 200 },
    ...WORKPLACE_PAGES.map((page) => ({
      route: `GET /coordinator/${page} (page)`,
      kind: "page" as const,
      method: "GET",
      path: `/coordinator/${page.replace(":id", shown.id)}`,
      init: coordinatorPages,
      status: 200,
    })),
  ];
  const costs: RouteCost[] = [];
  for (const r of routes) {
    await expectStatus(t.send(r.method, r.path, r.init), r.status, `${r.route} (warm-up)`);
    const sent = await expectStatus(t.send(r.method, r.path, r.init), r.status, r.route);
    costs.push({ route: r.route, kind: r.kind, status: sent.status, ...sent.counts });
  }
  await expectStatus(t.send("POST", `/api/expert/${warmConfirm.secret}/confirm`, { body: { slotId: warmConfirm.slotId } }), 200, "confirm (warm-up)");
  const confirmed = await expectStatus(
    t.send("POST", `/api/expert/${countedConfirm.secret}/confirm`, { body: { slotId: countedConfirm.slotId } }),
    200,
    "POST /api/expert/:secret/confirm",
  );
  costs.push({ route: "POST /api/expert/:secret/confirm", kind: "confirm", status: confirmed.status, ...confirmed.counts });
  return costs;
}

/** The aims: an authenticated read in at most 2 round trips, a confirmation 3, a page 3. */
export const ROUND_TRIP_AIMS: Record<RouteKind, number> = { read: 2, confirm: 3, page: 3 };
