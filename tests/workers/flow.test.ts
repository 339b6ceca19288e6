/**
 * The whole consultation flow on workerd with D1, through SELF.fetch, plus what only this engine
 * has: what D1 holds afterwards, and the cron trigger's scheduled() handler.
 */
import { createExecutionContext, createScheduledController, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/entry.worker.js";
import { seedRequested } from "../contract/seed.js";
import { callThrough, slotsAfter, type CallInit } from "../contract/target.js";
import { coordinatorToken } from "./seed.js";
import { addTestThemes } from "../helpers/test-themes.js";

const call = (method: string, path: string, init?: CallInit) =>
  callThrough((p, req) => SELF.fetch(new URL(p, "http://samrad.test").href, req), method, path, init);

async function post(path: string, token: string, body: unknown): Promise<{ id: string; token?: string }> {
  const res = await call("POST", path, { token, body });
  expect(res.status, `${path}: ${res.text}`).toBe(201);
  return res.body;
}

describe("Samråd on Workers with D1", () => {
  it("books a consultation from directory entries to a meeting, and one of 10 concurrent confirmations wins", async () => {
    const coordinator = await coordinatorToken();
    await addTestThemes(call, coordinator);
    const org = await post("/api/organisations", coordinator, {
      name: "Nationellt kompetenscentrum",
      country: "SE",
      criteria: { nationallySignificant: true, innovative: true, evidenceBased: false },
    });
    const expert = await post("/api/experts", coordinator, {
      organisationId: org.id,
      name: "Elin Exempel",
      email: "elin.exempel@example.se",
      languages: ["sv"],
      timeZone: "Europe/Stockholm",
      themes: ["substance abuse"],
    });
    const group = await post("/api/groups", coordinator, { name: "Utvecklingsgruppen", organisation: "Österbottens välfärdsområde" });
    const member = await post(`/api/groups/${group.id}/members`, coordinator, { name: "Maja Medlem", email: "maja@example.fi" });
    const memberToken = member.token!;
    const topic = await post("/api/topics", memberToken, { title: "Low-threshold services", theme: "substance abuse", description: "Reaching people earlier." });
    const brief = await post(`/api/topics/${topic.id}/briefs`, memberToken, { challenge: "Few seek help early.", questions: ["What lowers the threshold?"], language: "sv" });
    const draft = await call("POST", "/api/consultations", {
      token: memberToken,
      body: { topicId: topic.id, briefId: brief.id, expertId: expert.id, durationMinutes: 30, slots: slotsAfter(new Date()) },
    });
    expect(draft.status, draft.text).toBe(201);
    const consultationId: string = draft.body.id;
    const slots: { id: string; start: string }[] = draft.body.slots;

    const requested = await call("POST", `/api/consultations/${consultationId}/request`, { token: memberToken });
    expect(requested.status, requested.text).toBe(200);
    expect(requested.body.expertLink.startsWith(`${env.PUBLIC_BASE_URL}/e/`)).toBe(true);
    const secret = String(requested.body.expertLink).split("/e/")[1]!;

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call("POST", `/api/expert/${secret}/confirm`, { body: { slotId: slots[0]!.id } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);

    // What D1 holds: one confirmation, one audit entry for it, one meeting, its command delivered.
    const row = await env.DB.prepare("SELECT status, confirmedSlotId FROM consultations WHERE id = ?").bind(consultationId).first();
    expect(row).toEqual({ status: "confirmed", confirmedSlotId: slots[0]!.id });
    const audit = await env.DB.prepare("SELECT action FROM audit_entries WHERE entityId = ? ORDER BY id").bind(consultationId).all();
    expect(audit.results.map((r) => r.action)).toEqual(["consultation.created", "consultation.requested", "consultation.confirmed"]);
    const meetings = await env.DB.prepare("SELECT provider, start FROM meetings WHERE consultationId = ?").bind(consultationId).all();
    expect(meetings.results).toEqual([{ provider: "ics", start: slots[0]!.start }]);
    const outbox = await env.DB.prepare("SELECT kind, status FROM outbox WHERE consultationId = ?").bind(consultationId).all();
    // The calendar's delivery record only: without a mailer the mail consumer gets none (src/events/subscriptions.ts).
    expect(outbox.results.map((r) => `${r.kind}:${r.status}`)).toEqual(["meeting.sync:done"]);
  });

  it("runs the lifecycle sweep from the cron trigger: a consultation whose time has passed is held", async () => {
    const s = await seedRequested({ name: "workers-d1", now: () => new Date(), call, coordinatorToken });
    const id = s.consultationId;
    expect((await call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } })).status).toBe(200);

    // Time cannot be moved in workerd, so the confirmed slot is moved into the past instead.
    await env.DB.prepare(`UPDATE proposed_slots SET start = '2020-01-01T10:00:00.000Z', "end" = '2020-01-01T10:30:00.000Z' WHERE consultationId = ?`)
      .bind(id)
      .run();
    // Reads already show "held" as of now; the stored row changes only when the sweep runs.
    const stored = () => env.DB.prepare("SELECT status FROM consultations WHERE id = ?").bind(id).first("status");
    expect(await stored()).toBe("confirmed");

    // The same module instance SELF serves: scheduled() as the cron trigger calls it.
    const ctx = createExecutionContext();
    worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(await stored()).toBe("held");
    const audit = await env.DB.prepare("SELECT actorType FROM audit_entries WHERE entityId = ? AND action = 'consultation.held'").bind(id).all();
    expect(audit.results).toEqual([{ actorType: "system" }]);
  });
});
