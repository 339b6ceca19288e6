/**
 * Inputs that once answered 500 or broke data for good, and the paging of lists: run against
 * SQLite (Node) and D1 (workerd), every answer checked against the document.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { documentChecked } from "./openapi-check.js";
import { seedGroup } from "./seed.js";
import { expectEnvelope, type ContractTarget } from "./target.js";

export function boundsContract(makeTarget: () => Promise<ContractTarget>): void {
  let t: ContractTarget;
  beforeAll(async () => {
    t = await documentChecked(await makeTarget());
  });

  describe("bounded inputs", () => {
    it("keeps a topic with 101 briefs readable (D1 binds at most 100 parameters per statement)", async () => {
      const g = await seedGroup(t);
      for (let i = 0; i < 100; i++) {
        const res = await t.call("POST", `/api/topics/${g.topicId}/briefs`, {
          token: g.memberToken,
          body: { challenge: `Brief ${i}`, questions: [`Question ${i}?`], language: "fi" },
        });
        expect(res.status, res.text).toBe(201);
      }
      const topic = await t.call("GET", `/api/topics/${g.topicId}`, { token: g.memberToken });
      expect(topic.status, topic.text).toBe(200);
      expect(topic.body.briefs).toHaveLength(101);
      expect(topic.body.briefs.at(-1).questions).toEqual(["Question 99?"]);
    });

    it("refuses a proposed time in the year 9999, and any more than 12 months ahead", async () => {
      const g = await seedGroup(t);
      const propose = (start: string) =>
        t.call("POST", "/api/consultations", {
          token: g.memberToken,
          body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: [{ start }, { start: nextWeek(t.now()) }] },
        });
      for (const start of ["9999-12-31T23:30:00Z", "+275760-09-13T00:00:00.000Z", inMonths(t.now(), 13)]) {
        const res = await propose(start);
        expectEnvelope(res, 400, "VALIDATION_FAILED");
        expect(res.body.error.issues[0].path).toBe("slots.0.start");
      }
      const within = await propose(inMonths(t.now(), 11));
      expect(within.status, within.text).toBe(201);
    });

    it("refuses a suggestion range far in the future instead of failing", async () => {
      const g = await seedGroup(t);
      const ask = (from: string) =>
        t.call("GET", `/api/consultations/suggestions?memberIds=${g.memberId}&expertId=${g.expertId}&durationMinutes=30&from=${encodeURIComponent(from)}`, {
          token: g.memberToken,
        });
      for (const from of ["+275760-09-13T00:00:00.000Z", "9999-01-01T00:00:00Z", inMonths(t.now(), 36)]) {
        const res = await ask(from);
        expectEnvelope(res, 400, "VALIDATION_FAILED");
        expect(res.body.error.issues[0].path).toBe("from");
      }
      expect((await ask(nextWeek(t.now()))).status).toBe(200);
    });

    it("answers an unknown query parameter with 400, naming it", async () => {
      const g = await seedGroup(t);
      const res = await t.call("GET", "/api/topics?colour=blue", { token: g.memberToken });
      expectEnvelope(res, 400, "VALIDATION_FAILED");
      expect(res.body.error.issues).toEqual([{ path: "colour", message: 'Unknown field "colour"' }]);
      expectEnvelope(await t.call("GET", `/api/topics/${g.topicId}?x=1`, { token: g.memberToken }), 400, "VALIDATION_FAILED");
    });
  });

  describe("paging", () => {
    it("walks a list page by page with the cursor, each item once, and refuses a forged cursor", async () => {
      const g = await seedGroup(t);
      for (let i = 0; i < 4; i++) {
        const res = await t.call("POST", "/api/topics", { token: g.memberToken, body: { title: `Topic ${i}`, theme: "child protection", description: "Paging." } });
        expect(res.status, res.text).toBe(201);
      }
      const seen: string[] = [];
      let path = "/api/topics?limit=2";
      for (let pages = 0; pages < 5; pages++) {
        const page = await t.call("GET", path, { token: g.memberToken });
        expect(page.status, page.text).toBe(200);
        seen.push(...page.body.items.map((x: { id: string }) => x.id));
        if (!page.body.nextCursor) {
          expect(page.headers.get("link")).toBeNull();
          break;
        }
        expect(page.headers.get("link")).toBe(`</api/topics?limit=2&cursor=${page.body.nextCursor}>; rel="next"`);
        path = `/api/topics?limit=2&cursor=${page.body.nextCursor}`;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      expectEnvelope(await t.call("GET", "/api/topics?cursor=bm90LWEtY3Vyc29y", { token: g.memberToken }), 400, "VALIDATION_FAILED");
      expectEnvelope(await t.call("GET", "/api/topics?limit=101", { token: g.memberToken }), 400, "VALIDATION_FAILED");
    });
  });

  describe("headers", () => {
    it("marks API answers no-store and keeps a client's request id only when it is a short safe token", async () => {
      const g = await seedGroup(t);
      const kept = await t.call("GET", "/api/topics", { token: g.memberToken, headers: { "x-request-id": "client-123_abc" } });
      expect(kept.headers.get("cache-control")).toBe("no-store");
      expect(kept.headers.get("x-request-id")).toBe("client-123_abc");
      const refused = await t.call("GET", "/api/no-such", { token: g.memberToken, headers: { "x-request-id": "a b<script>" } });
      expect(refused.headers.get("cache-control")).toBe("no-store");
      expect(refused.body.error.requestId).not.toContain("<");
      expect(refused.body.error.requestId).toMatch(/^[\w-]{1,64}$/);
      const long = await t.call("GET", "/api/topics", { token: g.memberToken, headers: { "x-request-id": "x".repeat(65) } });
      expect(long.headers.get("x-request-id")).not.toBe("x".repeat(65));
    });
  });
}

/** Next week's Monday-ish 10:00 UTC, on the 5-minute grid. */
function nextWeek(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7, 10));
  return d.toISOString().replace(".000Z", "Z");
}

function inMonths(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, now.getUTCDate(), 10));
  return d.toISOString().replace(".000Z", "Z");
}
