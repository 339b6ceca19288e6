import { afterEach, describe, expect, it } from "vitest";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

const criteria = { nationallySignificant: true, innovative: false, evidenceBased: false };

describe("directory and members API for the coordinator", () => {
  it("edits an organisation and an expert, and a deactivated expert is no longer offered to groups", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const org = await t.call("PATCH", `/api/organisations/${g.orgId}`, { token: t.coordinator, body: { name: "VISO Danmark", website: "https://viso.example.dk", criteria: { ...criteria, innovative: true } } });
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ name: "VISO Danmark", website: "https://viso.example.dk", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } });
    const cleared = await t.call("PATCH", `/api/organisations/${g.orgId}`, { token: t.coordinator, body: { website: null } });
    expect(cleared.body.website).toBeNull();

    const renamed = await t.call("PATCH", `/api/experts/${g.expertId}`, { token: t.coordinator, body: { name: "Astrid Prøvesen", timeZone: "Europe/Oslo" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Astrid Prøvesen", timeZone: "Europe/Oslo", active: true });

    const off = await t.call("PATCH", `/api/experts/${g.expertId}`, { token: t.coordinator, body: { active: false } });
    expect(off.body.active).toBe(false);
    const forMember = await t.call("GET", "/api/experts?includeInactive=true", { token: g.memberToken });
    expect(forMember.body.items.map((e: { id: string }) => e.id)).not.toContain(g.expertId);
    const forCoordinator = await t.call("GET", "/api/experts?includeInactive=true", { token: t.coordinator });
    expect(forCoordinator.body.items.map((e: { id: string }) => e.id)).toContain(g.expertId);
    const draft = await t.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 30, slots: [{ start: "2027-03-08T10:00:00+02:00" }, { start: "2027-03-08T13:00:00+02:00" }] },
    });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe("CONFLICT");
  });

  it("refuses a second active expert and a second member with the same e-mail address (any case)", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const experts = await t.call("GET", "/api/experts", { token: t.coordinator });
    const email = experts.body.items[0].email as string;
    const again = await t.call("POST", "/api/experts", {
      token: t.coordinator,
      body: { organisationId: g.orgId, name: "Astrid Again", email: email.toUpperCase(), languages: ["sv"], timeZone: "Europe/Stockholm", themes: ["child protection"] },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0].path).toBe("email");

    const members = await t.call("GET", `/api/groups/${g.groupId}/members`, { token: t.coordinator });
    expect(members.status).toBe(200);
    expect(members.body.items).toHaveLength(2);
    const other = await t.call("POST", "/api/groups", { token: t.coordinator, body: { name: "Another group", organisation: "Vaasa" } });
    const dup = await t.call("POST", `/api/groups/${other.body.id}/members`, { token: t.coordinator, body: { name: "Mikko Twice", email: members.body.items[0].email } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("CONFLICT");
  });

  it("removes a member: gone from the list, their token refused, the address free again", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const added = await t.call("POST", `/api/groups/${g.groupId}/members`, { token: t.coordinator, body: { name: "Leena Lyhytaikainen", email: "leena@example.fi", language: "fi" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ language: "fi", tokenId: expect.any(String), token: expect.stringMatching(/^smr_m_/) });
    const removed = await t.call("DELETE", `/api/groups/${g.groupId}/members/${added.body.id}`, { token: t.coordinator });
    expect(removed.status).toBe(200);
    const list = await t.call("GET", `/api/groups/${g.groupId}/members`, { token: t.coordinator });
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(added.body.id);
    // The token was never used, so no cache holds it: refused at once.
    expect((await t.call("GET", "/api/consultations", { token: added.body.token })).status).toBe(401);
    expect((await t.call("DELETE", `/api/groups/${g.groupId}/members/${added.body.id}`, { token: t.coordinator })).status).toBe(404);
    const back = await t.call("POST", `/api/groups/${g.groupId}/members`, { token: t.coordinator, body: { name: "Leena Lyhytaikainen", email: "leena@example.fi" } });
    expect(back.status).toBe(201);
  });

  it("gives members 403 and names bad fields", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const asMember = { token: g.memberToken };
    expect((await t.call("PATCH", `/api/organisations/${g.orgId}`, { ...asMember, body: { name: "Mine" } })).status).toBe(403);
    expect((await t.call("PATCH", `/api/experts/${g.expertId}`, { ...asMember, body: { active: false } })).status).toBe(403);
    expect((await t.call("GET", `/api/groups/${g.groupId}/members`, asMember)).status).toBe(403);
    expect((await t.call("DELETE", `/api/groups/${g.groupId}/members/${g.memberId}`, asMember)).status).toBe(403);
    expect((await t.call("GET", "/api/admin/accessibility-feedback", asMember)).status).toBe(403);

    const bad = await t.call("PATCH", `/api/experts/${g.expertId}`, { token: t.coordinator, body: { timeZone: "Mars/Olympus", active: "no" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["active", "timeZone"]);
    const empty = await t.call("PATCH", `/api/organisations/${g.orgId}`, { token: t.coordinator, body: {} });
    expect(empty.status).toBe(400);
    const noCriterion = await t.call("PATCH", `/api/organisations/${g.orgId}`, { token: t.coordinator, body: { criteria: { nationallySignificant: false, innovative: false, evidenceBased: false } } });
    expect(noCriterion.status).toBe(400);
    expect((await t.call("PATCH", `/api/experts/${crypto.randomUUID()}`, { token: t.coordinator, body: { name: "Nobody" } })).status).toBe(404);
    expect((await t.call("GET", `/api/groups/not-an-id/members`, { token: t.coordinator })).status).toBe(400);
  });
});

describe("accessibility feedback", () => {
  it("pages with the oldest open item first however many newer ones there are, and is answered once", async () => {
    t = await testApp();
    const { insertFeedback } = await import("../../src/accessibility/feedback.repo.js");
    const base = Date.parse("2027-01-01T00:00:00Z");
    for (let i = 0; i < 230; i++) {
      const received = new Date(base + i * 3_600_000).toISOString();
      await insertFeedback(t.deps.db, {
        id: `fb-${String(i).padStart(3, "0")}`,
        receivedAt: received,
        answerBy: new Date(base + i * 3_600_000 + 14 * 86_400_000).toISOString(),
        language: "fi",
        message: `Palaute ${i}`,
        pageUrl: null,
        name: null,
        email: null,
        answeredAt: null,
        answerNote: null,
      });
    }
    const first = await t.call("GET", "/api/admin/accessibility-feedback?limit=50", { token: t.coordinator });
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.items[0].id).toBe("fb-000");
    expect(first.body.items[0].overdue).toBe(true);
    const answered = await t.call("POST", "/api/admin/accessibility-feedback/fb-000/answer", { token: t.coordinator, body: { note: "Vastattu sähköpostilla" } });
    expect(answered.status).toBe(200);
    expect((await t.call("POST", "/api/admin/accessibility-feedback/fb-000/answer", { token: t.coordinator, body: { note: "again" } })).status).toBe(409);
    expect((await t.call("POST", "/api/admin/accessibility-feedback/fb-999/answer", { token: t.coordinator, body: { note: "x" } })).status).toBe(404);
    expect((await t.call("POST", "/api/admin/accessibility-feedback/fb-001/answer", { token: t.coordinator, body: { note: " " } })).status).toBe(400);
    const after = await t.call("GET", "/api/admin/accessibility-feedback?limit=50", { token: t.coordinator });
    expect(after.body.items[0].id).toBe("fb-001");
    // Following the cursors reaches every item once, the answered one last.
    const seen: string[] = [];
    let cursor: string | null = null;
    let last: { id: string; answerNote: string | null } | undefined;
    do {
      const page: { status: number; body: { items: { id: string; answerNote: string | null }[]; nextCursor: string | null } } = await t.call("GET", `/api/admin/accessibility-feedback?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { token: t.coordinator });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((f: { id: string }) => f.id));
      last = page.body.items.at(-1);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
    expect(last).toMatchObject({ id: "fb-000", answerNote: "Vastattu sähköpostilla" });
  });
});
