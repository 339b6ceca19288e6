import { describe, expect, it } from "vitest";
import { seedGroup, seedRequested, testApp, twoSlots } from "../helpers/test-app.js";

describe("bad input gets a clear error and changes nothing", () => {
  const org = { name: "NVC", country: "SE", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } };

  it.each([
    ["an unknown field", { ...org, colour: "blue" }, "colour"],
    ["a non-Nordic country", { ...org, country: "DE" }, "country"],
    ["no criterion true", { ...org, criteria: { nationallySignificant: false, innovative: false, evidenceBased: false } }, "criteria"],
    ["a wrong type", { ...org, name: 42 }, "name"],
    ["a missing field", { country: "SE", criteria: org.criteria }, "name"],
    ["an empty name", { ...org, name: "   " }, "name"],
    ["a bad website", { ...org, website: "ftp://x" }, "website"],
  ])("organisation with %s → 400 naming %s", async (_name, body, field) => {
    const t = await testApp();
    const r = await t.call("POST", "/api/organisations", { token: t.coordinator, body });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION_FAILED");
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(r.body.error.message).toContain(field);
    expect((await t.call("GET", "/api/organisations", { token: t.coordinator })).body.items).toEqual([]);
  });

  it.each([
    ["an invalid time zone", { timeZone: "Europe/Atlantis" }, "timeZone"],
    ["an offset instead of a zone", { timeZone: "+02:00" }, "timeZone"],
    ["a language that is not ISO 639-1", { languages: ["swe"] }, "languages.0"],
    ["a bad e-mail", { email: "not-an-email" }, "email"],
    ["no themes", { themes: [] }, "themes"],
  ])("expert with %s → 400 naming %s", async (_name, patch, field) => {
    const t = await testApp();
    const o = await t.call("POST", "/api/organisations", { token: t.coordinator, body: org });
    const body = { organisationId: o.body.id, name: "Example Person", email: "e@example.org", languages: ["sv"], timeZone: "Europe/Oslo", themes: ["x"], ...patch };
    const r = await t.call("POST", "/api/experts", { token: t.coordinator, body });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("an expert for an unknown organisation → 404", async () => {
    const t = await testApp();
    const r = await t.call("POST", "/api/experts", {
      token: t.coordinator,
      body: { organisationId: crypto.randomUUID(), name: "A", email: "a@example.org", languages: ["sv"], timeZone: "Europe/Oslo", themes: ["x"] },
    });
    expect(r.status).toBe(404);
  });

  it.each([
    ["a challenge over 2,000 characters", { challenge: "x".repeat(2001) }, "challenge"],
    ["no questions", { questions: [] }, "questions"],
    ["eight questions", { questions: Array.from({ length: 8 }, (_, i) => `q${i}`) }, "questions"],
    ["a question over 500 characters", { questions: ["ok", "y".repeat(501)] }, "questions.1"],
    ["an unsupported language", { language: "de" }, "language"],
  ])("brief with %s → 400 naming %s", async (_name, patch, field) => {
    const t = await testApp();
    const g = await seedGroup(t);
    const r = await t.call("POST", `/api/topics/${g.topicId}/briefs`, {
      token: g.memberToken,
      body: { challenge: "c", questions: ["q"], language: "fi", ...patch },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("accepts a brief at exactly the limits", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    const r = await t.call("POST", `/api/topics/${g.topicId}/briefs`, {
      token: g.memberToken,
      body: { challenge: "x".repeat(2000), questions: Array.from({ length: 7 }, () => "q".repeat(500)), language: "sv" },
    });
    expect(r.status).toBe(201);
    expect(r.body.questions).toHaveLength(7);
  });

  it.each([
    ["29 minutes", { durationMinutes: 29 }, "durationMinutes"],
    ["46 minutes", { durationMinutes: 46 }, "durationMinutes"],
    ["fractional minutes", { durationMinutes: 30.5 }, "durationMinutes"],
    ["one slot", { slots: [twoSlots[0]] }, "slots"],
    ["six slots", { slots: Array.from({ length: 6 }, (_, i) => ({ start: `2027-03-1${i}T10:00:00Z` })) }, "slots"],
    ["a slot without offset", { slots: [{ start: "2027-03-08T10:00:00" }, twoSlots[1]] }, "slots.0.start"],
    ["a slot in the past", { slots: [twoSlots[0], { start: "2026-01-01T10:00:00Z" }] }, "slots.1.start"],
    ["a slot off the grid", { slots: [twoSlots[0], { start: "2027-03-09T10:02:00Z" }] }, "slots.1.start"],
    ["overlapping slots", { slots: [{ start: "2027-03-08T10:00:00Z" }, { start: "2027-03-08T10:30:00Z" }] }, "slots.1.start"],
    ["an unknown slot field", { slots: [{ start: "2027-03-08T10:00:00Z", end: "x" }, twoSlots[1]] }, "slots.0.end"],
    ["a malformed id", { expertId: "nope" }, "expertId"],
  ])("consultation with %s → 400 naming %s", async (_name, patch, field) => {
    const t = await testApp();
    const g = await seedGroup(t);
    const r = await t.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: twoSlots, ...patch },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect((await t.call("GET", "/api/consultations", { token: g.memberToken })).body.items).toEqual([]);
  });

  it("malformed JSON → 400, wrong media type → 415, in the envelope", async () => {
    const t = await testApp();
    const bad = await t.call("POST", "/api/organisations", { token: t.coordinator, rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.message).toContain("JSON");
    const text = await t.call("POST", "/api/organisations", { token: t.coordinator, rawBody: "name=x", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const empty = await t.call("POST", "/api/organisations", { token: t.coordinator, rawBody: "", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    const array = await t.call("POST", "/api/organisations", { token: t.coordinator, body: [1, 2] });
    expect(array.status).toBe(400);
  });

  it("a body over 64 KiB → 413", async () => {
    const t = await testApp();
    const r = await t.call("POST", "/api/organisations", { token: t.coordinator, body: { ...org, criteriaNote: "x".repeat(70_000) } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("unknown routes and bad ids answer in the envelope", async () => {
    const t = await testApp();
    const unknown = await t.call("GET", "/api/nothing-here", { token: t.coordinator });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    const badId = await t.call("GET", "/api/consultations/not-a-uuid", { token: t.coordinator });
    expect(badId.status).toBe(400);
    expect(badId.body.error.issues[0].path).toBe("id");
    const missing = await t.call("GET", `/api/consultations/${crypto.randomUUID()}`, { token: t.coordinator });
    expect(missing.status).toBe(404);
  });

  it("confirm with a bad body → 400; unknown slot → 404; cancel without reason → 400", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const noSlot = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: {} });
    expect(noSlot.status).toBe(400);
    expect(noSlot.body.error.issues[0].path).toBe("slotId");
    const unknownSlot = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: crypto.randomUUID() } });
    expect(unknownSlot.status).toBe(404);
    const noReason = await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe("reason");
    expect((await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken })).body.status).toBe("requested");
  });

  it("never answers 500 to a volley of odd inputs", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const odd: unknown[] = [null, 0, "", "x", [], {}, { slotId: null }, { slotId: ["a"] }, { __proto__: { a: 1 } }, { reason: "x".repeat(5000) }];
    const paths = [
      ["POST", "/api/organisations"],
      ["POST", "/api/experts"],
      ["POST", "/api/groups"],
      ["POST", "/api/topics"],
      ["POST", "/api/consultations"],
      ["POST", `/api/consultations/${s.consultationId}/cancel`],
      ["POST", `/api/consultations/${s.consultationId}/reschedule`],
      ["POST", `/api/expert/${s.secret}/confirm`],
      ["POST", `/api/expert/${s.secret}/decline`],
    ] as const;
    for (const [method, path] of paths) {
      for (const body of odd) {
        const r = await t.call(method, path, { token: path.includes("/expert/") ? undefined : s.memberToken, body });
        expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(r.body.error ?? r.body, `${path}`).toBeTruthy();
      }
    }
  });
});
