import type { Deps } from "../deps.js";
import { advanceLifecycle } from "../consultations/lifecycle-sweep.js";
import { createExpert, createOrganisation } from "../directory/directory.service.js";
import { FUNDING_SOURCES } from "../evaluations/consultation-outcome.schemas.js";
import { addMember, createGroup } from "../groups/groups.service.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { IcsScheduler, noMailer } from "../meetings/ics-scheduler.js";
import { createBrief, createTopic } from "../topics/topics.service.js";
import { DEMO_GROUPS, DEMO_ORGANISATIONS } from "./demo-catalogue.js";
import { DEMO_THEMES } from "./demo-themes.js";
import { createTheme } from "../themes/themes.service.js";
import { createProgramme, setConsultationProgramme } from "../programmes/programmes.service.js";
import { playConsultation, type DemoExpertHandle, type DemoGroupHandle, type DemoTopicHandle, type DemoWorld, type Fate } from "./demo-consultation.js";
import { seededRandom } from "./seeded-random.js";

const DAY = 86_400_000;

export interface DemoSeed {
  /** The CLI issues the coordinator token itself. */
  coordinatorToken?: never;
  members: { group: string; name: string; token: string }[];
  /** The expert's side of the consultations still waiting for the expert, or held and open to evaluate. */
  expertLinks: { group: string; fate: Fate; link: string }[];
  counts: {
    organisations: number;
    experts: number;
    groups: number;
    members: number;
    topics: number;
    consultations: Record<string, number>;
    evaluations: { member: number; expert: number };
    followUps: number;
  };
}

// Per group, the stories of its past consultations, oldest first; rotated so groups differ.
const PAST_FATES: Fate[] = ["evaluated", "evaluated", "declined", "evaluated", "held_closed", "evaluated", "cancelled", "evaluated", "expired", "evaluated"];
const CURRENT_FATES: Fate[] = ["draft", "requested", "confirmed", "requested"];
/** Where the expert has something to do or see: answer a request, join a session, evaluate one. */
const EXPERT_SIDE_FATES: Fate[] = ["requested", "confirmed", "held_open"];
const DURATIONS = [45, 30, 40, 35, 45, 40, 30, 45];

/**
 * Fills an empty database with a believable history through the services themselves (not HTTP):
 * directory, groups with members (their tokens are returned), topics and briefs on the region's
 * themes, and consultations in every state, with held ones in the past evaluated from both sides
 * so that the coordinator's report has figures that are not withheld. Deterministic apart from
 * "today", which is the deps clock. Meetings are ICS and no mail is sent: a demo must not reach
 * real calendars or inboxes, whatever the configuration.
 */
export async function seedDemo(deps: Deps): Promise<Result<DemoSeed>> {
  const existing = await deps.db.selectFrom("organisations").select("id").limit(1).executeTakeFirst();
  if (existing) return fail("CONFLICT", "The database already has data: the demo fills an empty database only (use a new DATABASE_PATH)");

  const today = deps.clock.now().getTime();
  let cursor = today - 365 * DAY;
  const world: DemoWorld = {
    deps: { ...deps, clock: { now: () => new Date(cursor) }, scheduler: new IcsScheduler(), mailer: noMailer },
    moveTo: (ms) => {
      cursor = ms;
    },
    today,
    rnd: seededRandom(2027),
    coordinator: { role: "coordinator", tokenId: "demo" },
  };
  for (const theme of DEMO_THEMES) {
    const added = await createTheme(world.deps, world.coordinator, theme);
    // A list kept before the demo ran keeps its own names.
    if (!added.ok && added.code !== "CONFLICT") throw new Error(`demo: theme: ${added.message}`);
  }
  const experts = await seedDirectory(world);
  const groups = await seedGroups(world);

  const pick = pickExpert(experts);
  const played: { id: string; plan: Parameters<typeof playConsultation>[1]; interest: boolean; end: number | null; link: string | null; theme: string }[] = [];
  for (const [g, group] of groups.entries()) {
    // Every other group also had a session nobody turned up to.
    const fates: Fate[] = [...PAST_FATES.slice(g * 3), ...PAST_FATES.slice(0, g * 3), ...(g % 2 === 0 ? ["no_show" as const] : [])];
    const plans = [
      ...fates.map((fate, k) => ({ fate, createdAt: today - (300 - k * 26 - g * 4) * DAY })),
      { fate: "held_open" as Fate, createdAt: today - 19 * DAY },
      { fate: CURRENT_FATES[g % CURRENT_FATES.length]!, createdAt: today - (1 + g) * DAY },
    ];
    for (const [k, p] of plans.entries()) {
      const topic = group.topics[k % group.topics.length]!;
      const plan = {
        ...p,
        group,
        topic: topic.handle,
        expert: pick(topic.theme),
        durationMinutes: DURATIONS[(k + g) % DURATIONS.length]!,
        funding: k % 5 === 4 ? undefined : FUNDING_SOURCES[(k + g) % 4],
      };
      const result = await playConsultation(world, plan);
      played.push({ id: result.id, plan, interest: result.followUpInterest, end: result.sessionEnd, link: result.expertLink, theme: topic.theme });
    }
  }

  // Evaluations that asked for more lead to follow-ups: older ones are by now evaluated themselves.
  const origins = played.filter((p) => p.interest && p.end !== null && p.end < today - 45 * DAY).slice(0, 5);
  for (const origin of origins) {
    const createdAt = origin.end! + 4 * DAY;
    const fate: Fate = createdAt < today - 35 * DAY ? "evaluated" : "requested";
    await playConsultation(world, { ...origin.plan, fate, createdAt, followUpOf: origin.id, funding: "advisory_board" });
  }

  // The first pilots were tied to the child-protection key projects (the concept, step 4).
  world.moveTo(today - 330 * DAY);
  const keyProjects = await createProgramme(world.deps, world.coordinator, {
    name: "Lastensuojelun kärkihankkeet (demo)",
    description: "Invented for the demo: the national child-protection key projects the first pilots belonged to.",
  });
  if (!keyProjects.ok) throw new Error(`demo: programme: ${keyProjects.message}`);
  // Filed now, looking back: no entry of the history comes before the consultation it is about.
  world.moveTo(today - 60_000);
  for (const p of played.filter((p) => p.theme === "child protection")) {
    const filed = await setConsultationProgramme(world.deps, world.coordinator, p.id, keyProjects.value.id);
    if (!filed.ok) throw new Error(`demo: programme of ${p.id}: ${filed.message}`);
  }

  // Persist what time has done (held, expired) as the server's sweep would.
  world.moveTo(today);
  await advanceLifecycle(world.deps);
  const expertLinks = played
    .filter((p) => p.link !== null && EXPERT_SIDE_FATES.includes(p.plan.fate))
    .map((p) => ({ group: p.plan.group.name, fate: p.plan.fate, link: p.link! }));
  return ok({ members: groups.flatMap((g) => g.members.map((m) => ({ group: g.name, name: m.name, token: m.token }))), expertLinks, counts: await countAll(deps) });
}

/** An address on the reserved example domains, from an invented name: "Jón Dæmisson" → jon.dmisson@example.org. */
const emailFor = (name: string, domain: string) =>
  `${name.normalize("NFD").replace(/[^\w ]/g, "").toLowerCase().replace(/ +/g, ".")}@${domain}`;

async function seedDirectory(w: DemoWorld): Promise<(DemoExpertHandle & { themes: string[] })[]> {
  const experts: (DemoExpertHandle & { themes: string[] })[] = [];
  for (const o of DEMO_ORGANISATIONS) {
    const { experts: people, key: _key, ...input } = o;
    const org = await createOrganisation(w.deps, w.coordinator, input);
    for (const person of people) {
      const created = await createExpert(w.deps, w.coordinator, { ...person, organisationId: org.id, email: emailFor(person.name, "example.org") });
      if (!created.ok) throw new Error(`demo: expert: ${created.message}`);
      experts.push({ id: created.value.id, timeZone: person.timeZone, country: o.country, themes: person.themes });
    }
  }
  return experts;
}

async function seedGroups(w: DemoWorld) {
  const groups: (DemoGroupHandle & { topics: { handle: DemoTopicHandle; theme: string }[] })[] = [];
  for (const g of DEMO_GROUPS) {
    const group = await createGroup(w.deps, w.coordinator, { name: g.name, organisation: g.organisation, timeZone: "Europe/Helsinki", country: "FI" });
    const members: DemoGroupHandle["members"] = [];
    for (const name of g.members) {
      // Tokens expire (TOKEN_TTL_DAYS): the demo's tokens are issued today, not at the start of its year of history.
      const today = { ...w.deps, clock: { now: () => new Date(w.today) } };
      const added = await addMember(today, w.coordinator, group.id, { name, email: emailFor(name, "example.fi") });
      if (!added.ok) throw new Error(`demo: member: ${added.message}`);
      members.push({ name, token: added.value.token, principal: { role: "member", tokenId: "demo", memberId: added.value.id, groupId: group.id } });
    }
    const topics = [];
    for (const t of g.topics) {
      const topic = await createTopic(w.deps, members[0]!.principal, { title: t.title, theme: t.theme, description: t.description });
      if (!topic.ok) throw new Error(`demo: topic: ${topic.message}`);
      const brief = await createBrief(w.deps, members[0]!.principal, topic.value.id, t.brief);
      if (!brief.ok) throw new Error(`demo: brief: ${brief.message}`);
      topics.push({ handle: { id: topic.value.id, briefId: brief.value.id, questions: t.brief.questions.length }, theme: t.theme });
    }
    groups.push({ name: g.name, members, topics });
  }
  return groups;
}

/** The experts on a theme in turn, so that each is consulted and every country appears. */
function pickExpert(experts: (DemoExpertHandle & { themes: string[] })[]) {
  const turns = new Map<string, number>();
  return (theme: string): DemoExpertHandle => {
    const matching = experts.filter((e) => e.themes.includes(theme));
    const pool = matching.length > 0 ? matching : experts;
    const turn = turns.get(theme) ?? 0;
    turns.set(theme, turn + 1);
    return pool[turn % pool.length]!;
  };
}

async function countAll(deps: Deps): Promise<DemoSeed["counts"]> {
  const { db } = deps;
  const count = async (table: "organisations" | "experts" | "dev_groups" | "group_members" | "topics") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const byStatus = await db.selectFrom("consultations").select((eb) => ["status", eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  const bySide = await db.selectFrom("evaluations").select((eb) => ["side", eb.fn.countAll<number>().as("n")]).groupBy("side").execute();
  const followUps = await db.selectFrom("consultations").select((eb) => eb.fn.countAll<number>().as("n")).where("followUpOf", "is not", null).executeTakeFirstOrThrow();
  return {
    organisations: await count("organisations"),
    experts: await count("experts"),
    groups: await count("dev_groups"),
    members: await count("group_members"),
    topics: await count("topics"),
    consultations: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    evaluations: {
      member: Number(bySide.find((r) => r.side === "member")?.n ?? 0),
      expert: Number(bySide.find((r) => r.side === "expert")?.n ?? 0),
    },
    followUps: Number(followUps.n),
  };
}
