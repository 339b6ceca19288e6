import { afterEach, describe, expect, it } from "vitest";
import { AFTER_SESSION } from "../evaluations/fixtures.js";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient, textOf } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

/** Nothing that would tell a stranger what the consultation is about or who asked. */
const SECRETS_OF_THE_CONSULTATION = [
  "Early support for families",
  "Lastensuojelun",
  "Pohjanmaan",
  "Referrals arrive late",
  "child protection",
  "Astrid",
];

describe("the expert's page", () => {
  it("shows who asks, the brief and the times in the expert's zone with the group's beside, in the expert's language", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const page = await new PageClient(t, { acceptLanguage: "fi-FI" }).get(`/e/${s.secret}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="sv">');
    expect(page.html).toContain("Lastensuojelun kehittäjäryhmä, Pohjanmaan hyvinvointialue");
    expect(page.html).toContain("Referrals arrive late; we want earlier contact.");
    // The brief keeps its own language inside the Swedish page.
    expect(page.html).toContain('<div lang="en"><h3>Utmaningen</h3>');
    expect(page.html).toContain("måndag 8 mars 2027, 09:00–09:45 (Stockholm)");
    expect(page.html).toContain("10:00 i Helsingfors");
    expect(page.html).toContain("13:00 i Helsingfors");
  });

  it("follows the language switch over the expert's preference", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = new PageClient(t);
    const english = await client.get(`/e/${s.secret}?lang=en`);
    expect(english.html).toContain("Monday, 8 March 2027, 09:00–09:45 (Stockholm)");
    expect(english.html).toContain("10:00 in Helsinki");
    // The choice sticks without the query.
    expect((await client.get(`/e/${s.secret}`)).html).toContain('<html lang="en">');
  });

  it("confirms with one click, then offers the date and the calendar file", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = new PageClient(t);
    const confirm = await client.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    expect(confirm.status).toBe(303);
    expect(confirm.location).toBe(`/e/${s.secret}`);
    const after = await client.get(confirm.location!);
    expect(textOf(after.html, "confirmed-title")).toBe("Konsultationen är bekräftad");
    expect(after.html).toContain("måndag 8 mars 2027, 09:00–09:45 (Stockholm)");
    expect(after.html).toContain(`href="/e/${s.secret}/invite.ics"`);
    expect(after.html).not.toContain("/confirm");
    const ics = await client.get(`/e/${s.secret}/invite.ics`);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(ics.headers.get("content-disposition")).toMatch(/attachment/);
    expect(ics.html).toContain("DTSTART:20270308T080000Z");
  });

  it("tells the second click that the consultation is already confirmed", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = new PageClient(t, { acceptLanguage: "en" });
    await client.post(`/e/${s.secret}/confirm?lang=en`, { slotId: s.slots[0]!.id });
    const again = await client.post(`/e/${s.secret}/confirm`, { slotId: s.slots[1]!.id });
    expect(again.status).toBe(409);
    expect(again.html).toContain("This time can no longer be chosen.");
  });

  it("declines with a reason, keeps a too long reason with its error, and then closes the link", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = new PageClient(t);
    const long = "x".repeat(1001);
    const tooLong = await client.post(`/e/${s.secret}/decline?lang=en`, { reason: long });
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html, "reason-error")).toBe("Use at most 1000 characters.");
    expect(tooLong.html).toContain(`>${long}</textarea>`);
    const declined = await client.post(`/e/${s.secret}/decline`, { reason: "On leave in March." });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain("You declined the request");
    const audit = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(audit.body.status).toBe("declined");
  });

  it("shows the evaluation form after the session and stores what the expert sends", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = new PageClient(t, { acceptLanguage: "en" });
    await client.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    t.clock.set(AFTER_SESSION);
    const page = await client.get(`/e/${s.secret}?lang=en`);
    expect(page.html).toContain("The session has been held");
    expect(page.html).toContain('action="/e/' + s.secret + '/evaluation"');

    const missing = await client.post(`/e/${s.secret}/evaluation`, { usefulness: "5", actualMinutes: "400", learnings: "Kept" });
    expect(missing.status).toBe(400);
    expect(textOf(missing.html, "preparation-error")).toBe("Choose one of the options.");
    expect(textOf(missing.html, "actualMinutes-error")).toBe("Enter whole minutes from 1 to 180.");
    expect(missing.html).toMatch(/id="usefulness-4" name="usefulness" value="5" checked=""/);
    expect(missing.html).toContain(">Kept</textarea>");

    const fields = {
      usefulness: "5",
      preparation: "4",
      technicalQuality: "3",
      durationFit: "right",
      wouldRecommend: "yes",
      followUpInterest: "no",
      actualMinutes: "40",
    };
    const saved = await client.post(`/e/${s.secret}/evaluation`, fields);
    expect(saved.status).toBe(303);
    const thanks = await client.get(saved.location!);
    expect(thanks.html).toContain("Thank you! Your evaluation has been saved.");
    // The form starts from what the expert sent, so that sending it again replaces it.
    expect(thanks.html).toMatch(/name="usefulness" value="5" checked=""/);
    expect(thanks.html).toMatch(/name="technicalQuality" value="3" checked=""/);
    const stored = await t.call("GET", `/api/consultations/${s.consultationId}/evaluations`, { token: t.coordinator });
    expect(stored.body.items).toMatchObject([
      { side: "expert", usefulness: 5, preparation: 4, technicalQuality: 3, actualMinutes: 40, wouldRecommend: true },
    ]);
  });
});

describe("a link that does not work", () => {
  const cases = [
    { problem: "unknown", status: 404, setUp: async () => "smr_e_" + "z".repeat(43), text: "The link is not valid." },
    {
      problem: "cancelled",
      status: 410,
      text: "The consultation has been cancelled.",
      setUp: async (s: Awaited<ReturnType<typeof seedRequested>>) => {
        await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, {
          token: s.memberToken,
          body: { reason: "No longer needed" },
        });
        return s.secret;
      },
    },
    {
      problem: "used",
      status: 410,
      text: "The link has already been used.",
      setUp: async (s: Awaited<ReturnType<typeof seedRequested>>) => {
        await t.call("POST", `/api/expert/${s.secret}/decline`, { body: {} });
        return s.secret;
      },
    },
    {
      problem: "expired",
      status: 410,
      text: "The link has expired.",
      setUp: async (s: Awaited<ReturnType<typeof seedRequested>>) => {
        t.clock.set("2027-03-09T08:00:00.000Z");
        return s.secret;
      },
    },
  ];

  it.each(cases)("says the link is $problem ($status) and nothing about the consultation", async ({ status, setUp, text }) => {
    t = await testApp();
    const s = await seedRequested(t);
    const secret = await setUp(s);
    const client = new PageClient(t, { acceptLanguage: "en" });
    for (const res of [
      await client.get(`/e/${secret}`),
      await client.get(`/e/${secret}/invite.ics`),
      await client.post(`/e/${secret}/confirm`, { slotId: s.slots[0]!.id }),
    ]) {
      expect(res.status).toBe(status);
      expect(res.html).toContain(text);
      for (const secretText of SECRETS_OF_THE_CONSULTATION) expect(res.html).not.toContain(secretText);
    }
  });
});
