/** The same flow through the fake Graph's sendMail when a tenant is configured: HTML mail in each reader's language, the Teams link in the invitation mail. */
import { afterEach, describe, expect, it } from "vitest";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";
import { TEST_SECRET_KEY, until } from "../mail/mail-support.js";
import { startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
let t: TestApp;
afterEach(async () => {
  await t?.close();
  await stack?.close();
});

describe("mail through Graph sendMail", () => {
  it("sends the request and the invitations from the organiser mailbox", async () => {
    stack = await startGraphStack();
    t = await testApp({ env: { SECRET_KEY: TEST_SECRET_KEY }, scheduler: stack.scheduler, mailer: stack.mailer });
    const s = await seedRequested(t);
    expect(s.requested.body.expertMessage.sent).toBe(true);
    await until(() => stack.fake.state.mails.length === 1, "the request");
    const request = stack.fake.state.mails[0]!;
    expect(request.to).toEqual([{ name: "Astrid Testesen", address: "astrid.testesen@example.org" }]);
    expect(request.subject).toBe("Förfrågan om en nordisk konsultation: Early support for families");
    expect(request.body.contentType).toBe("html");
    expect(request.body.content).toContain('<html lang="sv">');
    expect(request.body.content).toContain(`/e/${s.secret}`);

    expect((await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } })).status).toBe(200);
    await until(() => stack.fake.state.mails.length === 4, "three invitations");
    const invitations = stack.fake.state.mails.slice(1);
    expect(invitations.map((m) => m.to[0]!.address).sort()).toEqual(["astrid.testesen@example.org", "mikko.keksitty@example.fi", "sanna.k@example.fi"]);
    const joinUrl = (await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken })).body.meeting.joinUrl as string;
    expect(joinUrl).toMatch(/^https:\/\//);
    for (const m of invitations) expect(m.body.content).toContain(joinUrl.replace(/&/g, "&amp;"));
    expect(invitations.find((m) => m.to[0]!.address === "mikko.keksitty@example.fi")!.subject).toBe("Vahvistettu: Early support for families");
  });
});
