import { afterEach, describe, expect, it } from "vitest";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient, textOf } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

async function signIn(client: PageClient, token: string, lang: string) {
  await client.get(`/app/login?lang=${lang}`);
  const res = await client.post("/app/login", { token });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
}

const countSlots = async (id: string) => (await t.deps.db.selectFrom("proposed_slots").select("id").where("consultationId", "=", id).execute()).length;

describe.each([
  ["sv", "Föreslå de här tiderna", "Experten har föreslagit andra tider", "Bekräfta den här tiden", "Tiden är bekräftad"],
  ["fi", "Ehdota näitä aikoja", "Asiantuntija ehdotti muita aikoja", "Vahvista tämä aika", "Aika on vahvistettu"],
  ["en", "Propose these times", "The expert proposed other times", "Confirm this time", "The time is confirmed"],
] as const)("other times from the expert, in %s", (lang, proposeButton, counterTitle, acceptButton, acceptedNotice) => {
  it("the expert proposes two times in their zone, the member confirms one; a reload or a second click changes nothing", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const expert = new PageClient(t);
    const page = await expert.get(`/e/${s.secret}?lang=${lang}`);
    expect(page.html).toContain(proposeButton);
    const form = { slot: ["2027-03-09T09:00", "2027-03-09T14:30", ""] };
    const sent = await expert.post(`/e/${s.secret}/propose`, form);
    expect(sent.status).toBe(303);
    const again = await expert.post(`/e/${s.secret}/propose`, form);
    expect(again.status).toBe(303);
    expect(await countSlots(s.consultationId)).toBe(4);
    const waiting = await expert.get(`/e/${s.secret}`);
    expect(textOf(waiting.html, "proposed-title")).toBeTruthy();
    expect(waiting.html).not.toContain(proposeButton);
    expect(waiting.html).not.toContain(`/e/${s.secret}/confirm`);

    const member = new PageClient(t);
    await signIn(member, s.memberToken, lang);
    const detail = await member.get(`/app/consultations/${s.consultationId}`);
    expect(detail.html).toMatch(/class="signed-in">[^<]*Mikko Keksitty, Lastensuojelun kehittäjäryhmä/);
    expect(textOf(detail.html, "counter-title")).toBe(counterTitle);
    expect(detail.html).toContain(acceptButton);
    const slotIds = [...detail.html.matchAll(/name="slotId" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(slotIds).toHaveLength(2);
    const accepted = await member.post(`/app/consultations/${s.consultationId}/accept`, { slotId: slotIds[1]! });
    expect(accepted.status).toBe(303);
    const second = await member.post(`/app/consultations/${s.consultationId}/accept`, { slotId: slotIds[1]! });
    expect(second.status).toBe(409);
    const after = await member.get(accepted.location!);
    expect(after.html).toContain(acceptedNotice);
    expect(after.html).toContain('data-testid="confirmed-time"');
    // 14:30 in Stockholm is 15:30 in Helsinki, the group's zone.
    const confirmedTime = /data-testid="confirmed-time">([\s\S]*?)<\/dd>/.exec(after.html)?.[1] ?? "";
    expect(confirmedTime).toMatch(/15[.:]30/);
    expect(await t.deps.db.selectFrom("meetings").selectAll().execute()).toHaveLength(1);
  });
});

describe("the expert's times are checked as the group's are", () => {
  it("a time off the grid or in the past is shown next to its row, translated", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const expert = new PageClient(t);
    await expert.get(`/e/${s.secret}?lang=en`);
    const sent = await expert.post(`/e/${s.secret}/propose`, { slot: ["2027-03-09T09:03", "2027-02-01T09:00", ""] });
    expect(sent.status).toBe(400);
    expect(textOf(sent.html, "slot-0-error")).toBe("Use a time on a five-minute step, such as 10:00 or 10:05.");
    expect(textOf(sent.html, "slot-1-error")).toBe("This time has already passed. Choose a time in the future.");
    const empty = await expert.post(`/e/${s.secret}/propose`, { slot: ["", "", ""] });
    expect(textOf(empty.html, "slot-0-error")).toBe("Enter at least one time.");
    expect(await countSlots(s.consultationId)).toBe(2);
  });
});

describe("the member's page after the expert's answer", () => {
  it("shows the decline reason, and no confirmed time after a withdrawal", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const expert = new PageClient(t);
    await expert.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    const confirmedPage = await expert.get(`/e/${s.secret}?lang=fi`);
    expect(confirmedPage.html).toContain("Peru osallistumiseni");
    const withdrawn = await expert.post(`/e/${s.secret}/decline`, { reason: "Sairastuin, pahoittelen." });
    expect(withdrawn.status).toBe(200);
    const member = new PageClient(t);
    await signIn(member, s.memberToken, "fi");
    const detail = await member.get(`/app/consultations/${s.consultationId}`);
    expect(textOf(detail.html, "decline-reason")).toBe("Sairastuin, pahoittelen.");
    expect(detail.html).not.toContain('data-testid="confirmed-time"');
    expect(textOf(detail.html, "declined-title")).toBe("Asiantuntija kieltäytyi");
  });

  it("after a cancel both pages say so and offer the cancelling invitation", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const expert = new PageClient(t);
    await expert.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    const member = new PageClient(t);
    await signIn(member, s.memberToken, "en");
    const cancelled = await member.post(`/app/consultations/${s.consultationId}/cancel`, { reason: "The group's plans changed." });
    expect(cancelled.status).toBe(303);
    const detail = await member.get(cancelled.location!);
    expect(textOf(detail.html, "cancelled-title")).toBe("This consultation has been cancelled");
    const memberIcs = await member.get(`/app/consultations/${s.consultationId}/invite.ics`);
    expect(memberIcs.html).toContain("METHOD:CANCEL");
    const expertPage = await expert.get(`/e/${s.secret}?lang=en`);
    expect(expertPage.status).toBe(410);
    expect(expertPage.html).toContain("The development group has cancelled this consultation.");
    const expertIcs = await expert.get(`/e/${s.secret}/invite.ics`);
    expect(expertIcs.html).toContain("METHOD:CANCEL");
  });

  it("a member reschedules a confirmed consultation: the old time is no longer offered, the expert confirms a new one, one meeting moved", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const expert = new PageClient(t);
    await expert.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    const member = new PageClient(t);
    await signIn(member, s.memberToken, "sv");
    const form = { round: "0", slot: ["2027-03-10T10:00", "2027-03-10T13:00", "", "", ""] };
    const moved = await member.post(`/app/consultations/${s.consultationId}/reschedule`, form);
    expect(moved.status).toBe(303);
    const twice = await member.post(`/app/consultations/${s.consultationId}/reschedule`, form);
    expect(twice.status).toBe(303);
    expect(await countSlots(s.consultationId)).toBe(4);
    const detail = await member.get(moved.location!);
    expect(detail.html).not.toContain("invite.ics");
    expect(detail.html).not.toContain('data-testid="confirmed-time"');
    const view = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    const confirmed = await expert.post(`/e/${s.secret}/confirm`, { slotId: view.body.slots[0].id });
    expect(confirmed.status).toBe(303);
    const meetings = await t.deps.db.selectFrom("meetings").selectAll().execute();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.start).toBe("2027-03-10T08:00:00.000Z");
  });
});

describe("a group without a tenant gives its own meeting link", () => {
  it.each(["sv", "fi", "en"])("in %s: the expert's page, the invitation and the API carry it", async (lang) => {
    t = await testApp();
    const s = await seedRequested(t);
    const member = new PageClient(t);
    await signIn(member, s.memberToken, lang);
    const bad = await member.post(`/app/consultations/${s.consultationId}/meeting-link`, { url: "http://insecure.example" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html, "meetingUrl-error")).toBeTruthy();
    const url = "https://teams.microsoft.com/l/meetup-join/invented-meeting";
    const saved = await member.post(`/app/consultations/${s.consultationId}/meeting-link`, { url });
    expect(saved.status).toBe(303);
    const expert = new PageClient(t);
    await expert.post(`/e/${s.secret}/confirm`, { slotId: s.slots[0]!.id });
    const page = await expert.get(`/e/${s.secret}?lang=${lang}`);
    expect(page.html).toContain(`href="${url}"`);
    const ics = await expert.get(`/e/${s.secret}/invite.ics`);
    expect(ics.html.replace(/\r\n /g, "")).toContain(url);
    const api = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(api.body.meeting.joinUrl).toBe(url);
    expect(api.body.ownMeetingUrl).toBe(url);
  });
});

describe("the expert's language choice", () => {
  it("is remembered for the next message they receive", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    await new PageClient(t).get(`/e/${s.secret}?lang=fi`);
    const created = await t.call("POST", "/api/consultations", {
      token: s.memberToken,
      body: { topicId: s.topicId, briefId: s.briefId, expertId: s.expertId, durationMinutes: 30, slots: [{ start: "2027-03-15T10:00:00+02:00" }, { start: "2027-03-15T12:00:00+02:00" }] },
    });
    expect(created.status).toBe(201);
    const requested = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: s.memberToken });
    expect(requested.status).toBe(200);
    expect(requested.body.expertMessage.subject).toMatch(/^Pyyntö pohjoismaiseen konsultaatioon/);
  });
});

describe("an expired consultation", () => {
  it("offers new times from the same brief", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    t.clock.set("2027-03-09T00:00:00.000Z");
    const member = new PageClient(t);
    await signIn(member, s.memberToken, "en");
    const detail = await member.get(`/app/consultations/${s.consultationId}`);
    expect(textOf(detail.html, "again-title")).toBe("Ask again");
    const next = await member.get(`/app/new/times?brief=${s.briefId}&expert=${s.expertId}`);
    expect(next.status).toBe(200);
  });
});
