import { sql, type Kysely } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import { readTogether, type RowsOf } from "../db/read-together.js";
import type { DB } from "../db/schema.js";
import { consultationFactsQuery, hasSession, statusNow } from "../evaluations/consultation-facts.repo.js";
import type { ConsultationRecord, EvaluationRecord, Score } from "./concept-model.js";
import { countAnswers, emptyConsultationTally, type ConsultationTally } from "./evaluation-tally.js";

/** Which consultations a report covers. Instants are UTC ISO strings; `to` is exclusive. */
export interface ReportFilter {
  /** On the consultation's createdAt: a cohort of consultations started in the period. */
  from?: string;
  to?: string;
  /** The topic's theme, compared without regard to case. */
  theme?: string;
  /** The country of the expert's organisation. */
  country?: string;
  consultationId?: string;
}

/** The ids of the consultations a filter selects, for semi-joins; null when it selects all. */
export function filteredIds(db: Kysely<DB>, filter: ReportFilter) {
  if (!(filter.consultationId || filter.from || filter.to || filter.theme || filter.country)) return null;
  let q = db.selectFrom("consultations as c").select("c.id");
  if (filter.consultationId) q = q.where("c.id", "=", filter.consultationId);
  if (filter.from) q = q.where("c.createdAt", ">=", filter.from);
  if (filter.to) q = q.where("c.createdAt", "<", filter.to);
  if (filter.theme) {
    const theme = filter.theme.toLowerCase();
    q = q.where("c.topicId", "in", db.selectFrom("topics as t").select("t.id").where(sql`lower(t.theme)`, "=", theme));
  }
  if (filter.country) {
    const country = filter.country;
    q = q.where("c.expertId", "in", db.selectFrom("experts as e").innerJoin("organisations as o", "o.id", "e.organisationId").select("e.id").where("o.country", "=", country));
  }
  return q;
}

/**
 * The consultations a filter selects, as ConsultationRecords, from six set-based statements whatever
 * their number. Themes, countries and brief sizes come as small lookup tables rather than joins:
 * at 100,000 consultations the joins cost more than the rest of the load together.
 */
function consultationRecordQueries(db: Kysely<DB>, filter: ReportFilter) {
  const ids = filteredIds(db, filter);
  // With a filter, a lookup holds only what the selected consultations refer to.
  const referenced = (column: "c.topicId" | "c.briefId") =>
    db.selectFrom("consultations as c").select(column).where("c.id", "in", ids!);
  let consultationsQ = consultationFactsQuery(db);
  let topicsQ = db.selectFrom("topics").select(["id", "theme"]);
  // Once erasure or retention has removed a challenge's text, its length is kept in challengeLength.
  let briefsQ = db.selectFrom("briefs").select(["id", sql<number>`coalesce(challengeLength, length(challenge))`.as("challengeLength")]);
  let questionsQ = db.selectFrom("brief_questions").select((eb) => ["briefId", eb.fn.countAll<number>().as("n")]).groupBy("briefId");
  if (ids) {
    consultationsQ = consultationsQ.where("c.id", "in", ids);
    topicsQ = topicsQ.where("id", "in", referenced("c.topicId"));
    briefsQ = briefsQ.where("id", "in", referenced("c.briefId"));
    questionsQ = questionsQ.where("briefId", "in", referenced("c.briefId"));
  }
  return [
    consultationsQ.compile(),
    topicsQ.compile(),
    briefsQ.compile(),
    questionsQ.compile(),
    db.selectFrom("experts as e").innerJoin("organisations as o", "o.id", "e.organisationId").select(["e.id", "o.country"]).compile(),
    db
      .selectFrom("group_members")
      .select((eb) => ["groupId", eb.fn.countAll<number>().as("n")])
      .where("removedAt", "is", null)
      .groupBy("groupId")
      .compile(),
  ] as const;
}

type RecordRows = RowsOf<ReturnType<typeof consultationRecordQueries>>;

function toConsultationRecords([rows, topics, briefs, questionCounts, expertCountries, groupSizes]: RecordRows, now: Date): ConsultationRecord[] {
  const themeOf = new Map(topics.map((t) => [t.id, t.theme]));
  const challengeLengthOf = new Map(briefs.map((b) => [b.id, Number(b.challengeLength)]));
  const questionsOf = new Map(questionCounts.map((r) => [r.briefId, Number(r.n)]));
  const countryOf = new Map(expertCountries.map((e) => [e.id, e.country]));
  const membersOf = new Map(groupSizes.map((r) => [r.groupId, Number(r.n)]));

  return rows.map((r): ConsultationRecord => {
    const status = statusNow(r, now);
    return {
      id: r.id,
      status,
      theme: themeOf.get(r.topicId) ?? "",
      expertCountry: countryOf.get(r.expertId) ?? "",
      durationMinutes: r.durationMinutes,
      actualMinutes: r.actualMinutes,
      noShow: r.noShow === 1,
      requestedAt: r.requestedAt,
      confirmedAt: r.confirmedAt,
      // The recorded start when there is one, else the confirmed time.
      sessionStart: hasSession(status) ? (r.actualStart ?? r.slotStart) : null,
      briefQuestionCount: questionsOf.get(r.briefId) ?? 0,
      briefChallengeLength: challengeLengthOf.get(r.briefId) ?? 0,
      // Today's group size: members who joined later are counted as possible respondents too.
      memberCount: membersOf.get(r.groupId) ?? 0,
      followUpOf: r.followUpOf,
      fundingSource: r.fundingSource,
    };
  });
}

export async function loadConsultationRecords(db: Kysely<DB>, filter: ReportFilter, now: Date, atomic?: AtomicWrite): Promise<ConsultationRecord[]> {
  return toConsultationRecords(await readTogether({ db, atomic }, consultationRecordQueries(db, filter)), now);
}

/** The plain records buildConceptReport takes: the consultations, and their evaluations one by one. */
export async function loadConceptRecords(
  db: Kysely<DB>,
  filter: ReportFilter,
  now: Date,
): Promise<{ consultations: ConsultationRecord[]; evaluations: EvaluationRecord[] }> {
  const ids = filteredIds(db, filter);
  let evaluationsQ = db
    .selectFrom("evaluations")
    .select(["consultationId", "side", "usefulness", "preparation", "technicalQuality", "durationFit", "actualMinutes", "wouldRecommend", "followUpInterest"]);
  if (ids) evaluationsQ = evaluationsQ.where("consultationId", "in", ids);
  const [consultations, evaluationRows] = await Promise.all([loadConsultationRecords(db, filter, now), evaluationsQ.execute()]);
  const evaluations = evaluationRows.map(
    (r): EvaluationRecord => ({
      consultationId: r.consultationId,
      side: r.side,
      usefulness: r.usefulness as Score,
      preparation: r.preparation as Score,
      technicalQuality: r.technicalQuality as Score,
      durationFit: r.durationFit,
      actualMinutes: r.actualMinutes,
      wouldRecommend: r.wouldRecommend === 1,
      followUpInterest: r.followUpInterest === 1,
    }),
  );
  return { consultations, evaluations };
}

/**
 * Each evaluation's answers as 7 characters, so that one row per consultation carries all its
 * evaluations: side (m/e), usefulness, preparation and technical quality (1–5), duration fit
 * (s/r/l for too_short/right/too_long), would recommend and follow-up interest (0/1). The
 * columns' CHECK constraints keep every field to one character. Counting in SQL per answer value
 * instead (sum(usefulness = 1), ...) takes about four times as long in SQLite.
 */
const ANSWERS = sql<string>`group_concat(
  CASE side WHEN 'member' THEN 'm' ELSE 'e' END || usefulness || preparation || technicalQuality
  || CASE durationFit WHEN 'too_short' THEN 's' WHEN 'right' THEN 'r' ELSE 'l' END
  || wouldRecommend || followUpInterest, '')`;
const ANSWER_WIDTH = 7;
const FIT_CODES: Readonly<Record<string, number>> = { s: 0, r: 1, l: 2 };

/** One consultation's answers as ANSWERS encodes them, tallied. */
export function decodeAnswers(consultationId: string, answers: string, minutesSum: number, minutesCount: number): ConsultationTally {
  const tally = emptyConsultationTally(consultationId);
  const digit = (at: number) => answers.charCodeAt(at) - 48;
  for (let at = 0; at + ANSWER_WIDTH <= answers.length; at += ANSWER_WIDTH) {
    countAnswers(tally, answers[at] === "m" ? "member" : "expert", {
      usefulness: digit(at + 1),
      preparation: digit(at + 2),
      technicalQuality: digit(at + 3),
      durationFit: FIT_CODES[answers[at + 4]!]!,
      wouldRecommend: answers[at + 5] === "1",
      followUpInterest: answers[at + 6] === "1",
    });
  }
  tally.reportedMinutesSum = minutesSum;
  tally.reportedMinutesCount = minutesCount;
  return tally;
}

/**
 * What buildConceptReportFromTallies takes: the consultations as loadConceptRecords gives them,
 * and their evaluations tallied by the database, one row per consultation rather than one per
 * evaluation (migration 0004's covering index serves the scan).
 */
export async function loadConceptTallies(
  db: Kysely<DB>,
  filter: ReportFilter,
  now: Date,
  atomic?: AtomicWrite,
): Promise<{ consultations: ConsultationRecord[]; tallies: ConsultationTally[] }> {
  // Seven statements, one round trip (see readTogether): on D1 a report waits for one, not seven.
  return conceptTalliesFromRows(await readTogether({ db, atomic }, conceptTallyQueries(db, filter)), now);
}

/** loadConceptTallies's statements, to ride in a page's batch; conceptTalliesFromRows reads their rows. */
export function conceptTallyQueries(db: Kysely<DB>, filter: ReportFilter) {
  const ids = filteredIds(db, filter);
  let talliesQ = db
    .selectFrom("evaluations")
    .select((eb) => [
      "consultationId",
      ANSWERS.as("answers"),
      eb.fn.sum<number | null>("actualMinutes").as("minutesSum"),
      eb.fn.count<number>("actualMinutes").as("minutesCount"),
    ])
    .groupBy("consultationId");
  if (ids) talliesQ = talliesQ.where("consultationId", "in", ids);
  return [talliesQ.compile(), ...consultationRecordQueries(db, filter)] as const;
}

export function conceptTalliesFromRows(
  [rows, ...records]: RowsOf<ReturnType<typeof conceptTallyQueries>>,
  now: Date,
): { consultations: ConsultationRecord[]; tallies: ConsultationTally[] } {
  const consultations = toConsultationRecords(records, now);
  const tallies = rows.map((r) => decodeAnswers(r.consultationId, r.answers, Number(r.minutesSum ?? 0), Number(r.minutesCount)));
  return { consultations, tallies };
}
