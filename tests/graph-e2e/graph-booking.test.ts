/**
 * End to end through Microsoft Graph: the real server process, configured for the fake Graph
 * with the operator's settings only, booked over HTTP. Checks what lands in the calendar.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../fakes/graph/index.js";
import type { StoredEvent } from "../fakes/graph/state.js";
import {
  api,
  daysAhead,
  expectStatus,
  freePort,
  seed,
  slotStarts,
  startServer,
  tempDatabasePath,
  type Seed,
  type ServerProcess,
} from "./server-process.js";

let fake: FakeGraph;
let server: ServerProcess;
let coordinator: string;
let s: Seed;
/** Each consultation gets its own day, so their times never collide. */
let nextDay = 3;

const call = (method: string, path: string, body?: unknown, token: string | null = s.members[0]!.token) =>
  api(server.base, method, path, { body, token });

interface Booked {
  id: string;
  secret: string;
  slots: { id: string; start: string; end: string }[];
  requested: any;
}

/** Creates a consultation (draft) with `count` times and requests it. */
async function requested(count = 2): Promise<Booked> {
  const first = daysAhead(nextDay++);
  first.setUTCHours(7, 0, 0, 0);
  const created = expectStatus(
    await call("POST", "/api/consultations", {
      topicId: s.topic.id,
      briefId: s.brief.id,
      expertId: s.expert.id,
      durationMinutes: 30,
      slots: slotStarts(first, count),
    }),
    201,
    "create consultation",
  );
  const req = expectStatus(await call("POST", `/api/consultations/${created.id}/request`), 200, "request");
  const secret = String(req.expertLink).split("/e/")[1]!;
  // The request's message goes right after the answer: wait for it, so that what a test counts
  // next is its own step's Graph traffic.
  await waitFor("the request mail", async () => fake.state.mails.some((m) => m.body.content.includes(secret)));
  return { id: created.id, secret, slots: created.slots, requested: req };
}

async function confirm(b: Pick<Booked, "secret">, slotId: string) {
  return expectStatus(await call("POST", `/api/expert/${b.secret}/confirm`, { slotId }, null), 200, "confirm");
}

const consultation = async (id: string) => expectStatus(await call("GET", `/api/consultations/${id}`), 200, "get consultation");
const eventsOf = (id: string): StoredEvent[] => fake.state.allEvents().filter((e) => e.transactionId === `samrad-${id}`);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const tls = inject("fakeGraphTls");
  fake = await startFakeGraph({ tls, mailboxes: ["member1@tampere.example", "member2@tampere.example"] });
  server = await startServer({ fake, port: await freePort(), databasePath: tempDatabasePath("samrad-graph-e2e-") });
  expect(server.printedToken).toMatch(/^smr_c_/);
  coordinator = server.printedToken!;
  s = await seed(server.base, coordinator);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

describe("booking through Microsoft Graph, end to end (real server process, fake Graph)", () => {
  it("request sends the brief and the expert's link by sendMail, in the expert's language (sv)", async () => {
    const before = fake.state.graphRequests().length;
    const b = await requested();
    expect(b.requested.expertMessage.sent).toBe(true);
    // Sent with the request or right after it: wait for it rather than assume which.
    await waitFor("the request mail", async () => fake.state.mails.some((m) => m.body.content.includes(b.secret)));
    const mails = fake.state.mails.filter((m) => m.body.content.includes(b.secret));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.mailbox).toBe(fake.config.organizer);
    expect(mail.to.map((t) => t.address)).toEqual([s.expert.email]);
    expect(mail.subject).toBe(`Förfrågan om en nordisk konsultation: ${s.topic.title}`);
    // The mail is the catalogue's HTML in the expert's language: headings, the brief, a real link.
    expect(mail.body.contentType).toBe("html");
    expect(mail.body.content).toContain('<html lang="sv">');
    expect(mail.body.content).toContain(`<p>Hej ${s.expert.name.split(" ")[0]},</p>`);
    expect(mail.body.content).toContain("<h2>Utmaningen</h2>");
    expect(mail.body.content).toContain(s.brief.challenge);
    for (const q of s.brief.questions) expect(mail.body.content).toContain(`<li>${q}</li>`);
    // The proposed times in Stockholm, with the group's Helsinki time beside them.
    expect(mail.body.content).toContain("lokal tid i Stockholm");
    expect(mail.body.content).toContain("i Helsingfors");
    expect(mail.body.content).toContain(`<a href="${b.requested.expertLink}">`);
    // Nothing else is mailed on a request: the group is not told that it asked.
    expect(mail.attachments).toEqual([]);
    // The request costs one Graph call: the sendMail itself.
    const spent = fake.state.graphRequests().slice(before);
    expect(spent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1.0/users/${fake.config.organizer}/sendMail`]);
  });

  it("confirm creates exactly one Teams event: attendees, UTC times, body, link; join URL shown to group and expert", async () => {
    const b = await requested();
    const before = fake.state.graphRequests().length;
    const mailsBefore = fake.state.mails.length;
    const slot = b.slots[1]!;

    const view = await confirm(b, slot.id);

    // The meeting is made inline (the expert's answer already carries the join link); the three
    // messages may go with the answer or right after it.
    await waitFor("a message to each person", async () => fake.state.mails.length - mailsBefore >= 3);
    const booking = fake.state.graphRequests().slice(before);
    console.log(
      `[graph-e2e] Graph requests for one confirmation: ${booking.length} (${booking.map((r) => `${r.method} ${r.path.replace(/^\/v1\.0\/users\/[^/]+/, "")} → ${r.outcome}`).join(", ")}); ` +
        `with the request's sendMail, one booking costs ${booking.length + 1}`,
    );
    // The event first, then one message per person (the invitations wait for the meeting they describe).
    const sendMail = ["POST", `/v1.0/users/${fake.config.organizer}/sendMail`, 202];
    expect(booking.map((r) => [r.method, r.path, r.outcome])).toEqual([["POST", `/v1.0/users/${fake.config.organizer}/events`, 201], sendMail, sendMail, sendMail]);

    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.cancelled).toBeNull();
    expect(event.mailbox).toBe(fake.config.organizer);
    expect(event.subject).toContain(s.topic.title);
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe("teamsForBusiness");
    expect(event.startTimeZone).toBe("UTC");
    expect(event.endTimeZone).toBe("UTC");
    expect(event.startMs).toBe(Date.parse(slot.start));
    expect(event.endMs).toBe(Date.parse(slot.end));
    expect(event.endMs - event.startMs).toBe(30 * 60_000);
    // The group and the expert are invited; the organiser mailbox is not listed again as an attendee.
    expect(event.attendees.map((a) => [a.address, a.type]).sort()).toEqual(
      [...s.members.map((m) => m.email), s.expert.email].map((address) => [address, "required"]).sort(),
    );
    expect(event.attendees.map((a) => a.address)).not.toContain(fake.config.organizer);
    expect(event.body.content).toContain(s.brief.challenge);
    for (const q of s.brief.questions) expect(event.body.content).toContain(q);
    expect(event.body.content).toContain(`/app/consultations/${b.id}`);
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    // Each person is told once, in their language, with the join link and an invitation whose UID
    // is the Teams event's own, so a calendar that already has the event does not add a second.
    const told = fake.state.mails.slice(mailsBefore);
    expect(told).toHaveLength(3);
    for (const m of told) expect(m.body.content).toContain(`href="${event.joinUrl}"`);
    expect(told.map((m) => m.to.map((t) => t.address).join()).sort()).toEqual([...s.members.map((m) => m.email), s.expert.email].sort());
    const subjectOf = (address: string) => told.find((m) => m.to[0]!.address === address)!.subject;
    expect(subjectOf(s.expert.email)).toBe(`Bekräftad: ${s.topic.title}`);
    for (const m of s.members) expect(subjectOf(m.email)).toBe(`Vahvistettu: ${s.topic.title}`);
    // RFC 5545 folds long lines; unfolded, each property is one line again.
    const invitationTo = (address: string) => told.find((m) => m.to[0]!.address === address)!.attachments[0]!.content.replace(/\r\n[ \t]/g, "");
    for (const m of told) {
      expect(m.mailbox).toBe(fake.config.organizer);
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments[0]!.contentType).toBe("text/calendar; method=REQUEST");
      const invitation = invitationTo(m.to[0]!.address);
      expect(invitation).toContain("METHOD:REQUEST");
      expect(invitation).toContain(`UID:${event.iCalUId}\r\n`);
      expect(invitation).toContain("DTSTART:" + slot.start.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"));
    }
    // The expert's invitation leads to the expert's own page, a member's to the consultation's.
    const expertInvite = invitationTo(s.expert.email);
    expect(expertInvite).toContain(b.requested.expertLink);
    const memberInvite = invitationTo(s.members[0]!.email);
    expect(memberInvite).toContain(`/app/consultations/${b.id}`);
    expect(memberInvite).not.toContain(b.secret);

    const seen = await consultation(b.id);
    expect(seen.status).toBe("confirmed");
    expect(seen.meeting).toEqual({
      provider: "graph",
      state: "scheduled",
      joinUrl: event.joinUrl,
      iCalUId: event.iCalUId,
      start: slot.start,
      end: slot.end,
    });
    expect(view.meeting.joinUrl).toBe(event.joinUrl);
    const expertView = expectStatus(await call("GET", `/api/expert/${b.secret}`, undefined, null), 200, "expert view");
    expect(expertView.meeting).toMatchObject({ joinUrl: event.joinUrl, start: slot.start, end: slot.end });
  });

  it("reschedule + confirm again through the same link PATCHes the same event and keeps the join URL", async () => {
    const b = await requested();
    await confirm(b, b.slots[0]!.id);
    const [event] = eventsOf(b.id);
    const joinUrl = event!.joinUrl;
    const creates = () => fake.state.graphRequests({ method: "POST", pathIncludes: "/events" }).filter((r) => !r.path.endsWith("/cancel")).length;
    const createsBefore = creates();

    const newFirst = daysAhead(nextDay++);
    newFirst.setUTCHours(11, 30, 0, 0);
    const moved = expectStatus(await call("POST", `/api/consultations/${b.id}/reschedule`, { slots: slotStarts(newFirst, 3) }), 200, "reschedule");
    expect(moved.status).toBe("requested");
    // Until the expert picks a new time the meeting stays where it was.
    expect(event!.patches).toHaveLength(0);
    const patchesBefore = fake.state.graphRequests({ method: "PATCH" }).length;
    await confirm(b, moved.slots[2].id);

    expect(creates()).toBe(createsBefore);
    expect(fake.state.graphRequests({ method: "PATCH" }).length - patchesBefore).toBe(1);
    expect(eventsOf(b.id)).toHaveLength(1);
    expect(event!.cancelled).toBeNull();
    expect(event!.patches).toHaveLength(1);
    expect(event!.joinUrl).toBe(joinUrl);
    expect(event!.startMs).toBe(Date.parse(moved.slots[2].start));
    expect(event!.endMs).toBe(Date.parse(moved.slots[2].end));
    expect(event!.startTimeZone).toBe("UTC");
    const seen = await consultation(b.id);
    expect(seen.meeting).toMatchObject({ state: "scheduled", joinUrl, iCalUId: event!.iCalUId, start: moved.slots[2].start });
    const expertView = expectStatus(await call("GET", `/api/expert/${b.secret}`, undefined, null), 200, "expert view");
    expect(expertView.meeting.joinUrl).toBe(joinUrl);
  });

  it("cancel cancels the event with the reason as comment", async () => {
    const b = await requested();
    await confirm(b, b.slots[0]!.id);
    const reason = "Gruppen har fått svar från en annan expert.";
    const cancelled = expectStatus(await call("POST", `/api/consultations/${b.id}/cancel`, { reason }), 200, "cancel");
    expect(cancelled.status).toBe("cancelled");
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled?.comment).toBe(reason);
    expect(fake.state.liveEvents().some((e) => e.transactionId === `samrad-${b.id}`)).toBe(false);
    expect((await consultation(b.id)).meeting.state).toBe("cancelled");
  });

  it("decline after confirm cancels the event", async () => {
    const b = await requested();
    await confirm(b, b.slots[1]!.id);
    expect(eventsOf(b.id)[0]!.cancelled).toBeNull();
    const declined = expectStatus(await call("POST", `/api/expert/${b.secret}/decline`, { reason: "Jag är sjuk den dagen." }, null), 200, "decline");
    expect(declined.status).toBe("declined");
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled).not.toBeNull();
    expect((await consultation(b.id)).meeting.state).toBe("cancelled");
  });

  it("a 429 with Retry-After on create is waited out and retried, and the meeting appears", async () => {
    const b = await requested();
    const rule = fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "429", retryAfterSeconds: 1 });
    const started = Date.now();
    await confirm(b, b.slots[0]!.id);
    expect(rule.hits).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const tries = fake.state.graphRequests({ method: "POST", pathIncludes: "/events" }).slice(-2);
    expect(tries.map((r) => [r.outcome, r.retryAttempt])).toEqual([[429, 0], [201, 1]]);
    expect(eventsOf(b.id)).toHaveLength(1);
    expect((await consultation(b.id)).meeting).toMatchObject({ state: "scheduled", joinUrl: eventsOf(b.id)[0]!.joinUrl });
  });

  it("a 429 whose Retry-After is too long to wait inline goes to the outbox, which honours it", async () => {
    const b = await requested();
    fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "429", retryAfterSeconds: 6 });
    const started = Date.now();
    const view = await confirm(b, b.slots[0]!.id);
    // The expert's answer does not wait 6 s; the meeting is not there yet.
    expect(view.meeting).toBeNull();
    const meeting = await waitFor("the meeting", async () => (await consultation(b.id)).meeting, 30_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6_000);
    expect(meeting).toMatchObject({ provider: "graph", state: "scheduled" });
    expect(eventsOf(b.id)).toHaveLength(1);
  });

  it("a create whose answer is lost does not make a second event (transactionId)", async () => {
    const b = await requested();
    fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });
    await confirm(b, b.slots[0]!.id);
    // The event exists, but the service did not learn of it; the outbox retries the create.
    expect(eventsOf(b.id)).toHaveLength(1);
    const meeting = await waitFor("the meeting", async () => (await consultation(b.id)).meeting, 30_000);
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(meeting).toMatchObject({ state: "scheduled", iCalUId: events[0]!.iCalUId, joinUrl: events[0]!.joinUrl });
    const creates = fake.state.graphRequests({ method: "POST", pathIncludes: "/events" }).slice(-2);
    expect(creates.map((r) => r.outcome)).toEqual(["lostAnswer", 201]);
  });

  it("a create whose answer is lost, then a cancel before the retry: the event is cancelled, not orphaned", async () => {
    const b = await requested();
    fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });
    await confirm(b, b.slots[0]!.id);
    expect(eventsOf(b.id)).toHaveLength(1);
    expect((await consultation(b.id)).meeting).toBeNull();
    expectStatus(await call("POST", `/api/consultations/${b.id}/cancel`, { reason: "Ändrade planer." }), 200, "cancel");
    await waitFor("no pending command", async () => {
      const pending = expectStatus(await call("GET", "/api/admin/outbox?status=pending", undefined, coordinator), 200, "outbox");
      return !pending.items.some((i: { consultationId: string }) => i.consultationId === b.id);
    });
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled?.comment).toBe("Ändrade planer.");
  });

  it("a lost create, then a cancel whose answer is lost too: still one event, cancelled, no second invitation", async () => {
    const b = await requested();
    fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });
    await confirm(b, b.slots[0]!.id);
    fake.faults.add({ match: { method: "POST", pathIncludes: "/cancel" }, kind: "lostAnswer" });
    expectStatus(await call("POST", `/api/consultations/${b.id}/cancel`, { reason: "Ändrade planer igen." }), 200, "cancel");
    await waitFor("no pending command", async () => {
      const pending = expectStatus(await call("GET", "/api/admin/outbox?status=pending", undefined, coordinator), 200, "outbox");
      return !pending.items.some((i: { consultationId: string }) => i.consultationId === b.id);
    });
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled?.comment).toBe("Ändrade planer igen.");
    expect((await consultation(b.id)).meeting).toMatchObject({ state: "cancelled", iCalUId: events[0]!.iCalUId });
  });

  it("a create whose answer is lost, then a new time before the retry: the one event ends at the new time", async () => {
    const b = await requested();
    fake.faults.add({ match: { method: "POST", pathIncludes: "/events" }, kind: "lostAnswer" });
    await confirm(b, b.slots[0]!.id);
    const moved = expectStatus(
      await call("POST", `/api/consultations/${b.id}/reschedule`, { slots: slotStarts(new Date(Date.parse(b.slots[1]!.start) + 2 * 3_600_000), 2) }),
      200,
      "reschedule",
    );
    await confirm(b, moved.slots[1].id);
    const meeting = await waitFor("the meeting", async () => (await consultation(b.id)).meeting, 30_000);
    const events = eventsOf(b.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled).toBeNull();
    expect(events[0]!.startMs).toBe(Date.parse(moved.slots[1].start));
    expect(meeting).toMatchObject({ start: moved.slots[1].start, iCalUId: events[0]!.iCalUId });
  });

  it("suggestions ask getSchedule exactly once and avoid a busy block", async () => {
    const memberIds = s.members.map((m) => m.id).join(",");
    const from = daysAhead(40).toISOString();
    const to = daysAhead(47).toISOString();
    const path = `/api/consultations/suggestions?memberIds=${memberIds}&expertId=${s.expert.id}&durationMinutes=30&from=${from}&to=${to}`;
    const schedules = () => fake.state.graphRequests({ pathIncludes: "/calendar/getSchedule" }).length;

    let before = schedules();
    const free = expectStatus(await call("GET", path), 200, "suggestions");
    expect(schedules() - before).toBe(1);
    expect(free.freeBusyChecked).toBe(true);
    expect(free.unknownCalendars).toEqual([]);
    expect(free.slots.length).toBeGreaterThan(0);
    const first = free.slots[0] as { start: string; end: string };

    // Member 2 is busy for two hours from the first suggested time.
    const busy = { start: first.start, end: new Date(Date.parse(first.start) + 2 * 3_600_000).toISOString() };
    fake.state.setBusy(s.members[1]!.email, [{ ...busy, status: "busy", subject: "Team meeting" }]);
    before = schedules();
    const avoided = expectStatus(await call("GET", path), 200, "suggestions");
    expect(schedules() - before).toBe(1);
    expect(avoided.slots.length).toBeGreaterThan(0);
    for (const slot of avoided.slots as { start: string; end: string }[]) {
      const overlaps = Date.parse(slot.start) < Date.parse(busy.end) && Date.parse(slot.end) > Date.parse(busy.start);
      expect(overlaps, `${slot.start} overlaps the busy block`).toBe(false);
    }
    expect(avoided.slots.map((x: { start: string }) => x.start)).not.toContain(first.start);
  });

  it("one token request served every call of the process", () => {
    expect(fake.state.graphRequests().length).toBeGreaterThan(15);
    expect(fake.state.tokenRequests).toBe(1);
    console.log(`[graph-e2e] ${fake.state.graphRequests().length} Graph requests on ${fake.state.tokenRequests} token request(s)`);
  });
});
