import { describe, expect, it } from "vitest";
import { seedGroup, seedRequested, testApp, twoSlots } from "../helpers/test-app.js";

describe("authorization", () => {
  it("a member of group B can neither see nor change anything of group A", async () => {
    const t = await testApp();
    const a = await seedRequested(t);
    const b = await seedGroup(t, { groupName: "Group B" });
    const asB = { token: b.memberToken };
    const notFound = async (p: Promise<{ status: number; body: any }>) => {
      const r = await p;
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("NOT_FOUND");
    };
    await notFound(t.call("GET", `/api/consultations/${a.consultationId}`, asB));
    await notFound(t.call("GET", `/api/consultations/${a.consultationId}/invite.ics`, asB));
    await notFound(t.call("POST", `/api/consultations/${a.consultationId}/request`, asB));
    await notFound(t.call("POST", `/api/consultations/${a.consultationId}/cancel`, { ...asB, body: { reason: "mine now" } }));
    await notFound(t.call("POST", `/api/consultations/${a.consultationId}/reschedule`, { ...asB, body: { slots: twoSlots } }));
    await notFound(t.call("GET", `/api/topics/${a.topicId}`, asB));
    await notFound(
      t.call("POST", `/api/topics/${a.topicId}/briefs`, { ...asB, body: { challenge: "x", questions: ["y"], language: "fi" } }),
    );
    await notFound(
      t.call("POST", "/api/consultations", {
        ...asB,
        body: { topicId: a.topicId, briefId: a.briefId, expertId: a.expertId, durationMinutes: 30, slots: twoSlots },
      }),
    );
    const listB = await t.call("GET", "/api/consultations", asB);
    expect(listB.body.items).toEqual([]);
    const topicsB = await t.call("GET", "/api/topics", asB);
    expect(topicsB.body.items.map((x: { id: string }) => x.id)).not.toContain(a.topicId);
    // Group A's consultation is untouched.
    const mine = await t.call("GET", `/api/consultations/${a.consultationId}`, { token: a.memberToken });
    expect(mine.body.status).toBe("requested");
  });

  it("a member cannot use the coordinator's endpoints", async () => {
    const t = await testApp();
    const g = await seedGroup(t);
    const r = await t.call("POST", "/api/organisations", {
      token: g.memberToken,
      body: { name: "X", country: "SE", criteria: { nationallySignificant: true, innovative: false, evidenceBased: false } },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("FORBIDDEN");
    expect((await t.call("POST", `/api/groups/${g.groupId}/members`, { token: g.memberToken, body: { name: "A", email: "a@example.org" } })).status).toBe(403);
    expect((await t.call("GET", "/api/admin/outbox", { token: g.memberToken })).status).toBe(403);
  });

  it("an expert secret does nothing outside its consultation", async () => {
    const t = await testApp();
    const a = await seedRequested(t);
    const b = await seedRequested(t, { groupName: "Group B" });
    // B's slot through A's link is not A's slot.
    const cross = await t.call("POST", `/api/expert/${a.secret}/confirm`, { body: { slotId: b.slots[0]!.id } });
    expect(cross.status).toBe(404);
    expect((await t.call("GET", `/api/consultations/${b.consultationId}`, { token: b.memberToken })).body.status).toBe("requested");
    // The secret is not a bearer token for the API.
    const asToken = await t.call("GET", `/api/consultations/${a.consultationId}`, { token: a.secret });
    expect(asToken.status).toBe(401);
    // A made-up or altered secret is unknown.
    expect((await t.call("GET", `/api/expert/${a.secret.slice(0, -2)}xx`)).status).toBe(404);
    expect((await t.call("GET", `/api/expert/short`)).status).toBe(404);
  });

  it("answers 401 in the envelope without, or with a wrong, token", async () => {
    const t = await testApp();
    const none = await t.call("GET", "/api/consultations");
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: "UNAUTHENTICATED", requestId: expect.any(String) });
    expect(none.body.error.message).toContain("Authorization");
    const basic = await t.call("GET", "/api/consultations", { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
    const wrong = await t.call("GET", "/api/consultations", { token: "smr_c_" + "A".repeat(43) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain("token");
  });

  it("stores tokens and link secrets only as hashes", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const dump = JSON.stringify([
      await t.deps.db.selectFrom("api_tokens").selectAll().execute(),
      await t.deps.db.selectFrom("expert_links").selectAll().execute(),
    ]);
    expect(dump).not.toContain(s.memberToken);
    expect(dump).not.toContain(t.coordinator);
    expect(dump).not.toContain(s.secret);
    expect(s.memberToken.length).toBeGreaterThanOrEqual(43 + 6); // 32 random bytes, base64url, plus prefix
  });
});
