import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "./report-fixture.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const report = (query = "", token = t.coordinator) => t.call("GET", `/api/reports/concept${query}`, { token });
const summary = (mean: number, median: number, n: number) => ({ mean, median, n });

describe("GET /api/reports/concept", () => {
  it("models the seeded consultations with the expected figures, withholding small groups", async () => {
    t = await testApp();
    await seedReportData(t);
    const res = await report();
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.funnel).toMatchObject({
      requested: 5,
      confirmed: 4,
      held: 4,
      evaluated: 4,
      declined: 1,
      expired: 0,
      cancelled: 0,
      stepRates: { confirmed: 0.8, held: 1, evaluated: 1 },
      medianDaysRequestToConfirm: 0,
      medianDaysConfirmToSession: 7,
    });
    expect(r.sessions).toMatchObject({
      count: 4,
      noShows: 0,
      plannedMinutes: { n: 4, median: 42.5, min: 30, max: 45, p25: 37.5, p75: 45 },
      // C1's recorded 40 minutes; the others the mean of their evaluations' 44.
      actualMinutes: { n: 4, median: 44, min: 40, max: 44 },
      shareWithin30to45: 1,
      durationFit: { suppressed: false, evaluations: 13, tooShort: { count: 2, share: 0.154 }, right: { count: 11, share: 0.846 } },
    });
    // 9 member evaluations rate 4, 4 expert evaluations rate 5; one member would not recommend.
    expect(r.outcomes.overall).toMatchObject({ suppressed: false, consultations: 4, evaluations: 13, usefulness: summary(4.31, 4, 13), wouldRecommendShare: 0.923 });
    // The two sides' preparation questions apart: members' about the expert's answers, experts' about the brief.
    expect(r.outcomes.overall).toMatchObject({ questionsAnswered: { n: 9 }, briefPreparation: { n: 4 } });
    expect(r.outcomes.bySide).toMatchObject([
      { key: "member", suppressed: false, evaluations: 9, usefulness: summary(4, 4, 9) },
      { key: "expert", suppressed: false, evaluations: 4, usefulness: summary(5, 5, 4) },
    ]);
    // Elderly care has 2 evaluations: withheld, and so is disability services (4), the next
    // smallest, or "overall minus the rest" would give elderly care's figures back.
    expect(r.outcomes.byTheme).toEqual([
      // Two of its seven are experts': fewer than 3, so neither side's preparation figure is shown.
      { key: "child protection", suppressed: false, consultations: 2, evaluations: 7, usefulness: summary(4.29, 4, 7), preparation: summary(4, 4, 7), questionsAnswered: null, briefPreparation: null, technicalQuality: summary(5, 5, 7), wouldRecommendShare: 0.857 },
      { key: "disability services", suppressed: true },
      { key: "elderly care", suppressed: true },
    ]);
    expect(r.outcomes.byExpertCountry).toMatchObject([
      { key: "DK", suppressed: false, evaluations: 9, usefulness: summary(4.33, 4, 9) },
      { key: "SE", suppressed: false, evaluations: 4 },
    ]);
    expect(r.outcomes.byDuration).toMatchObject([
      { key: "30-34", evaluations: 3 },
      { key: "40-45", evaluations: 10 },
    ]);
    expect(r.responseRates).toEqual({ member: { received: 9, possible: 12, share: 0.75 }, expert: { received: 4, possible: 4, share: 1 } });
    expect(r.followUps).toEqual({
      followUpsCreated: 1,
      consultationsThatLedToFollowUp: 1,
      interest: { suppressed: false, evaluations: 13, interestCount: 1, interestShare: 0.077 },
    });
    expect(r.funding).toEqual([
      { source: "unspecified", consultations: 3 },
      { source: "pilot_grant", consultations: 2 },
      { source: "competence_centre", consultations: 1 },
    ]);
  });

  it("filters by theme, country and period", async () => {
    t = await testApp();
    await seedReportData(t);
    const elderly = (await report("?theme=Elderly%20care")).body;
    expect(elderly.filter.theme).toBe("Elderly care");
    expect(elderly.funnel.requested).toBe(1);
    expect(elderly.outcomes.overall).toEqual({ key: "all", suppressed: true });

    const sweden = (await report("?country=SE")).body;
    expect(sweden.funnel.requested).toBe(1);
    expect(sweden.outcomes.overall).toMatchObject({ suppressed: false, evaluations: 4 });

    // Everything but the follow-up was created on 1 March (10:00 in Helsinki); the follow-up on 9 March.
    const march1 = (await report("?from=2027-03-01&to=2027-03-01")).body;
    expect(march1.filter).toEqual({ from: "2027-02-28T22:00:00.000Z", to: "2027-03-01T22:00:00.000Z", theme: null, country: null, programme: null });
    expect(march1.funnel.requested).toBe(5);
    expect(march1.followUps.followUpsCreated).toBe(0);
    const later = (await report("?from=2027-03-02")).body;
    expect(later.funnel.requested).toBe(0);
    expect(later.followUps.followUpsCreated).toBe(1);
    expect(later.outcomes.overall).toEqual({ key: "all", suppressed: true });
  });

  it("breaks the outcomes down by programme, with names and the same suppression, and filters by programme", async () => {
    t = await testApp();
    const seeded = await seedReportData(t);
    const r = (await report()).body;
    // "none" (C3) has 2 evaluations: withheld, and so is the next smallest, the pilots' 4.
    expect(r.outcomes.byProgramme).toEqual([
      {
        key: seeded.programmeId,
        name: "Child protection key projects",
        suppressed: false,
        consultations: 2,
        evaluations: 7,
        usefulness: summary(4.29, 4, 7),
        preparation: summary(4, 4, 7),
        questionsAnswered: null,
        briefPreparation: null,
        technicalQuality: summary(5, 5, 7),
        wouldRecommendShare: 0.857,
      },
      { key: seeded.otherProgrammeId, name: "Personal assistance pilots", suppressed: true },
      { key: "none", name: null, suppressed: true },
    ]);

    const inProgramme = await report(`?programme=${seeded.programmeId}`);
    expect(inProgramme.status).toBe(200);
    expect(inProgramme.body.filter.programme).toBe(seeded.programmeId);
    expect(inProgramme.body.funnel.requested).toBe(2);
    expect(inProgramme.body.outcomes.overall).toMatchObject({ suppressed: false, consultations: 2, evaluations: 7 });
    expect(inProgramme.body.outcomes.byProgramme).toMatchObject([{ key: seeded.programmeId, suppressed: false, evaluations: 7 }]);

    // C3, the declined C5 and the follow-up draft belong to no programme.
    const none = (await report("?programme=none")).body;
    expect(none.funnel).toMatchObject({ requested: 2, declined: 1, evaluated: 1 });
    expect(none.outcomes.overall).toEqual({ key: "all", suppressed: true });
    expect(none.funding).toEqual([
      { source: "unspecified", consultations: 2 },
      { source: "competence_centre", consultations: 1 },
    ]);

    // Taking C2 out of its programme moves its figures at once.
    await t.call("PUT", `/api/consultations/${seeded.ids[1]}/programme`, { token: t.coordinator, body: { programmeId: null } });
    const moved = (await report(`?programme=${seeded.programmeId}`)).body;
    expect(moved.funnel.requested).toBe(1);
    expect(moved.outcomes.overall).toMatchObject({ suppressed: false, evaluations: 4 });
  });

  it("is for the coordinator only and names bad filters", async () => {
    t = await testApp();
    const g = await seedReportData(t);
    expect((await report("", g.memberToken)).status).toBe(403);
    const cases: [string, string][] = [
      ["?contry=SE", "contry"],
      ["?country=US", "country"],
      ["?from=yesterday", "from"],
      ["?from=2027-03-05&to=2027-03-01", "to"],
      ["?programme=child-protection", "programme"],
      ["?programme=", "programme"],
    ];
    for (const [query, field] of cases) {
      const res = await report(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path), query).toContain(field);
    }
  });
});
