/**
 * Drives every operation of a running service's /openapi.json with generated requests, valid and
 * not, and checks each answer: no 5xx, documented status and body, under the time limit.
 */
import fc from "fast-check";
import { ResponseChecker, type OpenApiDocument } from "../tests/contract/response-checker.js";
import { HOSTILE_JSON, HOSTILE_STRINGS, valueFor, type Pools, type Schema } from "./arbitraries.js";

export interface FuzzOptions {
  base: string;
  coordinatorToken: string;
  /** Stop after this many requests... */
  requests?: number;
  /** ...or after this many seconds, whichever comes first. */
  seconds?: number;
  seed?: number;
  concurrency?: number;
  /** An answer slower than this counts as a failure. */
  slowMs?: number;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzReport {
  sent: number;
  byStatus: Record<number, number>;
  serverErrors: { request: FuzzRequest; status: number; body: string }[];
  undocumented: { request: FuzzRequest; status: number; problems: string[] }[];
  slow: { request: FuzzRequest; ms: number }[];
  failedToAnswer: { request: FuzzRequest; error: string }[];
  slowest: { request: FuzzRequest; ms: number } | null;
  seconds: number;
}

interface Operation {
  method: string;
  template: string;
  op: Schema;
}

/** Data to aim at: directory entries, a group with a member, a topic, a brief, a requested consultation. */
async function seed(base: string, coordinator: string) {
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Schema;
    if (res.status >= 300) throw new Error(`seeding ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  // Topics and experts choose from the managed list of themes.
  await call("POST", "/api/themes", coordinator, { nameEn: "Child protection", nameFi: "Lastensuojelu", nameSv: "Barnskydd" });
  const org = await call("POST", "/api/organisations", coordinator, {
    name: "Invented Welfare Institute",
    country: "NO",
    criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
  });
  const expert = await call("POST", "/api/experts", coordinator, {
    organisationId: org.id,
    name: "Ingrid Oppdiktet",
    email: "ingrid.oppdiktet@example.org",
    languages: ["sv", "en"],
    timeZone: "Europe/Oslo",
    themes: ["child protection"],
  });
  const group = await call("POST", "/api/groups", coordinator, { name: "Fuzz group", organisation: "Invented municipality" });
  const member = await call("POST", `/api/groups/${group.id}/members`, coordinator, { name: "Keksitty Jäsen", email: "jasen@example.fi" });
  const topic = await call("POST", "/api/topics", member.token, { title: "Early support", theme: "child protection", description: "d" });
  const brief = await call("POST", `/api/topics/${topic.id}/briefs`, member.token, { challenge: "c", questions: ["q?"], language: "en" });
  const day = new Date(Date.now() + 7 * 86_400_000);
  day.setUTCHours(9, 0, 0, 0);
  const slots = [{ start: day.toISOString() }, { start: new Date(day.getTime() + 3_600_000).toISOString() }];
  const draft = await call("POST", "/api/consultations", member.token, { topicId: topic.id, briefId: brief.id, expertId: expert.id, durationMinutes: 30, slots });
  const requested = await call("POST", `/api/consultations/${draft.id}/request`, member.token);
  const secret = String(requested.expertLink).split("/e/")[1]!;
  return {
    memberToken: String(member.token),
    secret,
    ids: [org.id, expert.id, group.id, member.id, topic.id, brief.id, draft.id, ...draft.slots.map((s: Schema) => s.id)].map(String),
  };
}

function requestArb(ops: Operation[], doc: Schema, pools: Pools, tokens: (string | null)[], secret: string): fc.Arbitrary<FuzzRequest> {
  const perOperation = ops.map(({ method, template, op }) => {
    const params = (op.parameters ?? []) as Schema[];
    const pathParams = params.filter((p) => p.in === "path");
    const queryParams = params.filter((p) => p.in === "query");
    const segment = (p: Schema) =>
      p.name === "secret"
        ? fc.oneof({ weight: 6, arbitrary: fc.constant(secret) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) })
        : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) });
    const queryValue = (p: Schema) => valueFor(p.schema ?? {}, doc, pools).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
    // A made-up cursor is always refused: send one rarely, so that the rest of the query is reached.
    const shown = queryParams.filter((p) => p.name !== "cursor");
    const query = fc.record(Object.fromEntries(shown.map((p) => [p.name, queryValue(p)])), {
      requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) as never[],
    });
    const extraQuery = fc.option(fc.tuple(fc.constantFrom("colour", "limit", "__proto__", "status"), fc.constantFrom("1", "x", "", ...HOSTILE_STRINGS)), { freq: 15 });
    const bodySchema = op.requestBody?.content?.["application/json"]?.schema as Schema | undefined;
    const body = bodySchema
      ? fc.oneof(
          { weight: 10, arbitrary: valueFor(bodySchema, doc, pools).map((v) => ({ text: JSON.stringify(v), type: "application/json" })) },
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_JSON).map((v) => ({ text: JSON.stringify(v), type: "application/json" })) },
          { weight: 1, arbitrary: fc.constantFrom('{"a":', "[1,2", "\u0000", "{".repeat(5000), "x".repeat(70_000)).map((text) => ({ text, type: "application/json" })) },
          { weight: 1, arbitrary: fc.constant({ text: "name=x", type: "text/plain" }) },
        )
      : method === "get"
        ? fc.constant(null)
        : fc.option(fc.constant({ text: "{}", type: "application/json" }), { freq: 10 });
    return fc
      .record({
        segments: fc.tuple(...pathParams.map(segment)),
        query,
        extraQuery,
        body,
        token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(tokens[0]!, tokens[1]!) }, { weight: 1, arbitrary: fc.constantFrom(...tokens.slice(2)) }),
        requestId: fc.option(fc.constantFrom("ok-123", "x".repeat(300), "a b", "é"), { freq: 5 }),
      })
      .map(({ segments, query, extraQuery, body, token, requestId }): FuzzRequest => {
        let i = 0;
        const path = template.replace(/\{[^}]+\}/g, () => encodeURIComponent(wellFormed(String(segments[i++]))));
        const search = new URLSearchParams(query as Record<string, string>);
        if (extraQuery) search.append(extraQuery[0], extraQuery[1]);
        const qs = search.toString();
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (requestId) headers["x-request-id"] = requestId;
        if (body) headers["content-type"] = body.type;
        return { method: method.toUpperCase(), path: qs ? `${path}?${qs}` : path, headers, ...(body ? { body: body.text } : {}) };
      });
  });
  return fc.oneof(...perOperation);
}

/** A lone surrogate cannot be put in a URL; the service would see U+FFFD anyway. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/g, (ch, i: number) => {
  const code = ch.charCodeAt(0);
  const pairs = code < 0xdc00 ? /[\uDC00-\uDFFF]/.test(s[i + 1] ?? "") : /[\uD800-\uDBFF]/.test(s[i - 1] ?? "");
  return pairs ? ch : "\uFFFD";
});

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const doc = (await (await fetch(`${o.base}/openapi.json`)).json()) as Schema;
  const checker = new ResponseChecker(doc as OpenApiDocument);
  const seeded = await seed(o.base, o.coordinatorToken);
  const pools: Pools = { ids: seeded.ids, now: Date.now() };
  const ops: Operation[] = Object.entries(doc.paths as Schema).flatMap(([template, item]) =>
    Object.entries(item as Schema).map(([method, op]) => ({ method, template, op: op as Schema })),
  );
  const tokens = [o.coordinatorToken, seeded.memberToken, null, "smr_c_not-a-real-token-at-all-000"];
  const arb = requestArb(ops, doc, pools, tokens, seeded.secret);
  const limit = o.requests ?? Number.POSITIVE_INFINITY;
  const until = o.seconds ? started + o.seconds * 1000 : Number.POSITIVE_INFINITY;
  const slowMs = o.slowMs ?? 2000;
  const report: FuzzReport = { sent: 0, byStatus: {}, serverErrors: [], undocumented: [], slow: [], failedToAnswer: [], slowest: null, seconds: 0 };
  let batchSeed = o.seed ?? 1;

  const send = async (request: FuzzRequest) => {
    const t0 = performance.now();
    try {
      const res = await fetch(o.base + request.path, { method: request.method, headers: request.headers, body: request.body });
      const text = await res.text();
      const ms = performance.now() - t0;
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      if (!report.slowest || ms > report.slowest.ms) report.slowest = { request, ms };
      if (ms > slowMs) report.slow.push({ request, ms });
      if (res.status >= 500) report.serverErrors.push({ request, status: res.status, body: text.slice(0, 500) });
      const type = res.headers.get("content-type") ?? "";
      let body: unknown = text;
      if (type.includes("json")) body = JSON.parse(text);
      const problems = checker.problems(request.method, request.path, res.status, type, body);
      if (problems.length > 0) report.undocumented.push({ request, status: res.status, problems });
    } catch (error) {
      report.failedToAnswer.push({ request, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  };

  while (report.sent < limit && Date.now() < until) {
    const n = Math.min(500, limit - report.sent);
    const batch = fc.sample(arb, { numRuns: n, seed: batchSeed++ });
    const queue = [...batch];
    const workers = Array.from({ length: o.concurrency ?? 8 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        if (Date.now() >= until) return;
        report.sent++;
        await send(r);
      }
    });
    await Promise.all(workers);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** A request as a line a person can replay with curl. */
export const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${r.path} ${JSON.stringify(r.headers)}${r.body !== undefined ? ` body=${JSON.stringify(r.body.slice(0, 300))}` : ""}`;
