import { afterEach, describe, expect, it } from "vitest";
import { newServerKey } from "../../src/lib/sealed.js";
import { catalogues } from "../../src/pages/i18n/index.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

async function signIn(client: PageClient, token: string, lang: string) {
  await client.get(`/app/login?lang=${lang}`);
  const res = await client.post("/app/login", { token });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
}

const linkIn = (html: string) => /id="expert-link"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*id="expert-link"/.exec(html)?.[1];
const formKeyIn = (html: string) => /name="formKey" value="([^"]+)"/.exec(html)![1]!;

async function sendFromTimesStep(member: PageClient, g: Awaited<ReturnType<typeof seedGroup>>) {
  const step = await member.get(`/app/new/times?brief=${g.briefId}&expert=${g.expertId}`);
  expect(step.status).toBe(200);
  const form = { brief: g.briefId, expert: g.expertId, duration: "45", slot: ["2027-03-08T10:00", "2027-03-08T13:00", ""], action: "send", formKey: formKeyIn(step.html) };
  return { form, first: await member.post("/app/new/times", form) };
}

const consultations = async (groupId: string) => t.deps.db.selectFrom("consultations").select(["id", "status"]).where("groupId", "=", groupId).execute();

describe.each(["sv", "fi", "en"] as const)("the request again, in %s", (lang) => {
  const g12 = catalogues[lang].groupPages;

  it("with a server key: a reload or a second send shows the same request, and any member can show it again", async () => {
    t = await testApp({ env: { SECRET_KEY: newServerKey() } });
    const g = await seedGroup(t);
    const member = new PageClient(t);
    await signIn(member, g.memberToken, lang);
    const { form, first } = await sendFromTimesStep(member, g);
    expect(first.status).toBe(303);
    const sent = await member.get(first.location!);
    const link = linkIn(sent.html);
    expect(link).toMatch(/\/e\/smr_e_/);
    // The same form again (a double click, the back button and send): nothing new, the same link.
    const again = await member.post("/app/new/times", form);
    expect(again.location).toMatch(/\/sent\?again=1$/);
    const shown = await member.get(again.location!);
    expect(shown.html).toContain(g12.alreadySent);
    expect(linkIn(shown.html)).toBe(link);
    expect(await consultations(g.groupId)).toHaveLength(1);
    // The language switch on that page works: it is a page of its own now.
    const switched = await member.get(`${first.location}?lang=${lang === "en" ? "sv" : "en"}`);
    expect(switched.status).toBe(200);
    expect(linkIn(switched.html)).toBe(link);
  });

  it("a new link ends the old one; sending that form twice issues one", async () => {
    t = await testApp({ env: { SECRET_KEY: newServerKey() } });
    const g = await seedGroup(t);
    const member = new PageClient(t);
    await signIn(member, g.memberToken, lang);
    const { first } = await sendFromTimesStep(member, g);
    const sent = await member.get(first.location!);
    const oldLink = linkIn(sent.html)!;
    const id = /\/app\/consultations\/([^/]+)\/sent/.exec(first.location!)![1]!;
    const fields = { formKey: formKeyIn(sent.html) };
    const issued = await member.post(`/app/consultations/${id}/new-link`, fields);
    expect(issued.status).toBe(303);
    expect((await member.post(`/app/consultations/${id}/new-link`, fields)).status).toBe(303);
    const shown = await member.get(issued.location!);
    expect(shown.html).toContain(g12.newLinkIssued);
    const newLink = linkIn(shown.html)!;
    expect(newLink).not.toBe(oldLink);
    const links = await t.deps.db.selectFrom("expert_links").select("revokedAt").execute();
    expect(links.filter((l) => l.revokedAt === null)).toHaveLength(1);
    expect(links).toHaveLength(2);
    expect((await t.call("GET", `/api/expert/${oldLink.split("/e/")[1]}`)).status).toBe(410);
    expect((await t.call("GET", `/api/expert/${newLink.split("/e/")[1]}`)).status).toBe(200);
  });
});

describe("without a server key", () => {
  it("shows the link only in the answer to the send; a reload sends nothing and offers a new link", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const member = new PageClient(t);
    await signIn(member, g.memberToken, "en");
    const { form, first } = await sendFromTimesStep(member, g);
    expect(first.status).toBe(200);
    expect(linkIn(first.html)).toMatch(/\/e\/smr_e_/);
    const reload = await member.post("/app/new/times", form);
    expect(reload.status).toBe(303);
    const gone = await member.get(reload.location!);
    expect(gone.html).toContain(catalogues.en.groupPages.linkGoneTitle);
    expect(await consultations(g.groupId)).toHaveLength(1);
  });
});

describe("the topic and brief form", () => {
  it("sent twice (a double click, a reload) creates one topic and one brief and leads to the same next step", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const member = new PageClient(t);
    await signIn(member, g.memberToken, "fi");
    const step = await member.get("/app/new");
    const form = {
      title: "Perhekeskuksen varhainen tuki",
      theme: "child protection",
      description: "Keksitty kuvaus testiä varten.",
      challenge: "Perheet tulevat liian myöhään.",
      question: ["Mikä toimii?", "", ""],
      language: "fi",
      formKey: formKeyIn(step.html),
    };
    const first = await member.post("/app/new", form);
    const second = await member.post("/app/new", form);
    expect(first.status).toBe(303);
    expect(second.location).toBe(first.location);
    const topics = await t.deps.db.selectFrom("topics").select("id").where("title", "=", form.title).execute();
    expect(topics).toHaveLength(1);
    expect(await t.deps.db.selectFrom("briefs").select("id").where("topicId", "=", topics[0]!.id).execute()).toHaveLength(1);
  });
});
