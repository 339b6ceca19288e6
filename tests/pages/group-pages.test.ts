import { afterEach, describe, expect, it } from "vitest";
import { seedGroup, seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient, selectedOf, signedIn, textOf, valueOf } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

const topicForm = {
  title: "Family centre model",
  theme: "preventive family work",
  description: "We build a family centre.",
  challenge: "How to reach families before problems grow.",
  question: ["What worked first?", "", "How did you involve clients?", "", "", "", ""],
  language: "en",
};

describe("creating a topic and brief", () => {
  it("shows each error next to its field in the page's language and keeps what was typed", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "sv");
    const typedChallenge = "å".repeat(2001);
    const res = await client.post("/app/new", {
      ...topicForm,
      title: "  ",
      challenge: typedChallenge,
      question: ["", "Bara en fråga " + "x".repeat(500), "", "", "", "", ""],
    });
    expect(res.status).toBe(400);
    expect(textOf(res.html, "title-error")).toBe("Fyll i det här fältet.");
    expect(textOf(res.html, "challenge-error")).toBe("Använd högst 2000 tecken.");
    // The too long question was typed in the second input: its error is there, not on the first.
    expect(textOf(res.html, "question-1-error")).toBe("Använd högst 500 tecken.");
    expect(textOf(res.html, "question-0-error")).toBeUndefined();
    expect(res.html).toContain(`>${typedChallenge}</textarea>`);
    expect(selectedOf(res.html, "theme")).toBe("preventive family work");
    expect(valueOf(res.html, "question-1")).toBe("Bara en fråga " + "x".repeat(500));
    expect(textOf(res.html, "challenge-count")).toBe("1 tecken för mycket");
    // Error summary links to each field.
    expect(res.html).toContain('<a href="#title">Ämnets rubrik: Fyll i det här fältet.</a>');
  });

  it("asks for at least one question on the first question field", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "en");
    const res = await client.post("/app/new", { ...topicForm, question: ["", "", "", "", "", "", ""] });
    expect(textOf(res.html, "question-0-error")).toBe("Write at least one question.");
  });

  it("saves topic and brief and goes on to the directory, where filters narrow the experts", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "en");
    const res = await client.post("/app/new", topicForm);
    expect(res.status).toBe(303);
    const briefId = /brief=([0-9a-f-]{36})/.exec(res.location!)![1]!;
    const all = await client.get(res.location!);
    expect(all.html).toContain("1 expert found");
    expect(all.html).toContain(`href="/app/new/times?brief=${briefId}&amp;expert=${g.expertId}"`);
    const noMatch = await client.get(`/app/new/expert?brief=${briefId}&country=NO`);
    expect(noMatch.html).toContain("0 experts found");
    const byCriteria = await client.get(`/app/new/expert?brief=${briefId}&criteria=innovative`);
    expect(byCriteria.html).toContain("0 experts found");
    const byTheme = await client.get(`/app/new/expert?brief=${briefId}&theme=child%20protection&criteria=evidenceBased&language=sv`);
    expect(byTheme.html).toContain("1 expert found");
  });

  it("does not open another group's brief", async () => {
    t = await testApp();
    const a = await seedGroup(t);
    const b = await seedGroup(t, { groupName: "Other group" });
    const client = await signedIn(t, "/app/login", b.memberToken, "en");
    expect((await client.get(`/app/new/expert?brief=${a.briefId}`)).status).toBe(404);
    expect((await client.get(`/app/new/times?brief=${a.briefId}&expert=${a.expertId}`)).status).toBe(404);
  });
});

describe("proposing times", () => {
  it("puts each time's error on its own row, keeps the rows, and shows the expert's time beside", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "en");
    const res = await client.post("/app/new/times", {
      brief: g.briefId,
      expert: g.expertId,
      duration: "45",
      action: "send",
      slot: ["2027-03-08T10:00", "", "2027-02-01T10:00", "2027-03-08T10:30", "2027-03-08T11:03"],
    });
    expect(res.status).toBe(400);
    expect(textOf(res.html, "slot-0-error")).toBeUndefined();
    expect(textOf(res.html, "slot-2-error")).toBe("This time has already passed. Choose a time in the future.");
    expect(textOf(res.html, "slot-3-error")).toBe("This time overlaps time 1.");
    expect(textOf(res.html, "slot-4-error")).toBe("Use a time on a five-minute step, such as 10:00 or 10:05.");
    expect(valueOf(res.html, "slot-4")).toBe("2027-03-08T11:03");
    expect(textOf(res.html, "slot-0-expert")).toBe("Mon 8 Mar 09:00 in Stockholm");
  });

  it("asks for two times, but a preview shows the expert's time of one", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "fi");
    const base = { brief: g.briefId, expert: g.expertId, duration: "30", slot: ["2027-03-09T14:00", "", "", "", ""] };
    const preview = await client.post("/app/new/times", { ...base, action: "preview" });
    expect(preview.status).toBe(200);
    expect(textOf(preview.html, "slot-0-expert")).toBe("ti 9.3. 13.00 (Tukholma)");
    const send = await client.post("/app/new/times", { ...base, action: "send" });
    expect(textOf(send.html, "slot-0-error")).toBe("Ehdota vähintään 2 aikaa.");
    expect(send.html).toMatch(/<option value="30" selected="">30 minuuttia<\/option>/);
  });

  it("sends the request and shows the link and the message to pass on", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const client = await signedIn(t, "/app/login", g.memberToken, "en");
    const res = await client.post("/app/new/times", {
      brief: g.briefId,
      expert: g.expertId,
      duration: "40",
      action: "send",
      slot: ["2027-03-08T10:00", "2027-03-09T13:00", "", "", ""],
    });
    expect(res.status).toBe(200);
    const link = valueOf(res.html, "expert-link")!;
    expect(link).toMatch(/^http:\/\/samrad\.test\/e\/smr_e_/);
    // The message is in the expert's language (Swedish first for this expert).
    expect(valueOf(res.html, "message-subject")).toBe("Förfrågan om en nordisk konsultation: Early support for families");
    const expertPage = await new PageClient(t).get(new URL(link).pathname);
    expect(expertPage.status).toBe(200);
    expect(expertPage.html).toContain("09:00–09:40 (Stockholm)");
  });
});

describe("a consultation's page", () => {
  it("shows status, brief, times with the expert's beside, history, and cancels with a reason", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const client = await signedIn(t, "/app/login", s.memberToken, "en");
    const page = await client.get(`/app/consultations/${s.consultationId}`);
    expect(page.html).toContain('<span class="status status-requested">Waiting for the expert</span>');
    expect(page.html).toContain("Monday, 8 March 2027, 10:00–10:45 (Helsinki)");
    expect(page.html).toContain("Expert: 09:00 in Stockholm");
    expect(page.html).toContain("Request sent to the expert");
    const empty = await client.post(`/app/consultations/${s.consultationId}/cancel`, { reason: " " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html, "reason-error")).toBe("Fill in this field.");
    const done = await client.post(`/app/consultations/${s.consultationId}/cancel`, { reason: "The team changed." });
    expect(done.location).toBe(`/app/consultations/${s.consultationId}?done=cancelled`);
    const after = await client.get(done.location!);
    expect(after.html).toContain("The consultation has been cancelled.");
    expect(after.html).not.toContain("/cancel");
  });

  it("offers the calendar file once confirmed, and hides other groups' consultations", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } });
    const client = await signedIn(t, "/app/login", s.memberToken, "en");
    const page = await client.get(`/app/consultations/${s.consultationId}`);
    expect(page.html).toMatch(/data-testid="confirmed-time"><span class="slot-when">Monday, 8 March 2027, 13:00–13:45 \(Helsinki\)/);
    const ics = await client.get(`/app/consultations/${s.consultationId}/invite.ics`);
    expect(ics.html).toContain("DTSTART:20270308T110000Z");
    const list = await client.get("/app");
    expect(list.html).toContain(`href="/app/consultations/${s.consultationId}"`);

    const other = await seedGroup(t, { groupName: "Other group" });
    const stranger = await signedIn(t, "/app/login", other.memberToken, "en");
    expect((await stranger.get(`/app/consultations/${s.consultationId}`)).status).toBe(404);
    expect((await stranger.get(`/app/consultations/${s.consultationId}/invite.ics`)).status).toBe(404);
    expect((await stranger.get("/app")).html).not.toContain(s.consultationId);
  });
});
