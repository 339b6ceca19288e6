/** Data for the contract suite, made through the API only, so that it works against any target. */
import { expect } from "vitest";
import { slotsAfter, type CallResult, type ContractTarget } from "./target.js";
import { addTestThemes } from "../helpers/test-themes.js";

export interface SeededGroup {
  coordinator: string;
  orgId: string;
  expertId: string;
  groupId: string;
  memberId: string;
  memberToken: string;
  topicId: string;
  briefId: string;
  /** A theme no other test uses, to find this expert alone. */
  theme: string;
}

export interface SeededRequest extends SeededGroup {
  consultationId: string;
  slots: { id: string; start: string; end: string }[];
  secret: string;
  requested: CallResult;
}

function created(res: CallResult, what: string): CallResult {
  expect(res.status, `${what}: ${res.text}`).toBe(201);
  return res;
}

/** Organisation, expert, group, member, topic and brief: what a consultation needs. */
export async function seedGroup(t: ContractTarget): Promise<SeededGroup> {
  const coordinator = await t.coordinatorToken();
  const unique = crypto.randomUUID().slice(0, 8);
  const theme = `family work ${unique}`;
  await addTestThemes(t.call.bind(t), coordinator, [
    { nameEn: theme, nameFi: `Perhetyö ${unique}`, nameSv: `Familjearbete ${unique}` },
  ]);
  const org = created(
    await t.call("POST", "/api/organisations", {
      token: coordinator,
      body: { name: "VISO", country: "DK", criteria: { nationallySignificant: true, innovative: false, evidenceBased: true } },
    }),
    "organisation",
  );
  const expert = created(
    await t.call("POST", "/api/experts", {
      token: coordinator,
      body: {
        organisationId: org.body.id,
        name: "Astrid Testesen",
        email: `astrid.testesen.${unique}@example.org`,
        languages: ["sv", "en"],
        timeZone: "Europe/Stockholm",
        themes: ["child protection", theme],
      },
    }),
    "expert",
  );
  const group = created(
    await t.call("POST", "/api/groups", {
      token: coordinator,
      body: { name: "Lastensuojelun kehittäjäryhmä", organisation: "Pohjanmaan hyvinvointialue" },
    }),
    "group",
  );
  const member = created(
    await t.call("POST", `/api/groups/${group.body.id}/members`, {
      token: coordinator,
      body: { name: "Mikko Keksitty", email: `mikko.keksitty.${unique}@example.fi` },
    }),
    "member",
  );
  const topic = created(
    await t.call("POST", "/api/topics", {
      token: member.body.token,
      body: { title: "Early support for families", theme: "child protection", description: "How to reach families earlier." },
    }),
    "topic",
  );
  const brief = created(
    await t.call("POST", `/api/topics/${topic.body.id}/briefs`, {
      token: member.body.token,
      body: { challenge: "Referrals arrive late; we want earlier contact.", questions: ["What works?", "How do you measure it?"], language: "en" },
    }),
    "brief",
  );
  return {
    coordinator,
    orgId: org.body.id,
    expertId: expert.body.id,
    groupId: group.body.id,
    memberId: member.body.id,
    memberToken: member.body.token,
    topicId: topic.body.id,
    briefId: brief.body.id,
    theme,
  };
}

/** A consultation sent to the expert, with the secret from the expert's link. */
export async function seedRequested(t: ContractTarget): Promise<SeededRequest> {
  const g = await seedGroup(t);
  const draft = created(
    await t.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: slotsAfter(t.now()) },
    }),
    "consultation",
  );
  const requested = await t.call("POST", `/api/consultations/${draft.body.id}/request`, { token: g.memberToken });
  expect(requested.status, requested.text).toBe(200);
  const secret = String(requested.body.expertLink).split("/e/")[1]!;
  return { ...g, consultationId: draft.body.id, slots: draft.body.slots, secret, requested };
}
