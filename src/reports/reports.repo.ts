import { sql, type Kysely } from "kysely";
import type { AtomicWrite } from "../db/atomic.js";
import { readTogether, type RowsOf } from "../db/read-together.js";
import type { DB } from "../db/schema.js";
import { consultationFactsQuery, hasSession, statusNow } from "../evaluations/consultation-facts.repo.js";
import type { ConsultationRecord, EvaluationRecord, Score } from "./concept-model.js";
import { NO_PROGRAMME } from "./outcomes.js";

/** Which consultations a report covers. Instants are UTC ISO strings; `to` is exclusive. */
export interface ReportFilter {
  /** On the consultation's createdAt: a cohort of consultations started in the period. */
  from?: string;
  to?: string;
  /** The topic's theme, compared without regard to case. */
  theme?: string;
  /** The country of the expert's organisation. */
  country?: string;
  /** A programme's id, or "none" for consultations in no programme. */
  programme?: string;
  consultationId?: string;
}

/** The ids of the consultations a filter selects, for semi-joins; null when it selects all. */
export function filteredIds(db: Kysely<DB>, filter: ReportFilter) {
  if (!(filter.consultationId || filter.from || filter.to || filter.theme || filter.country || filter.programme)) return null;
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
  if (filter.programme) {
    const inProgramme = db.selectFrom("consultation_programmes as cp").select("cp.consultationId");
    q =
      filter.programme === NO_PROGRAMME
        ? q.where("c.id", "not in", inProgramme)
        : q.where("c.id", "in", inProgramme.where("cp.programmeId", "=", filter.programme));
  }
  return q;
}

/**
 * The consultations a filter selects, as ConsultationRecords, from seven set-based statements whatever
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
  let programmesQ = db.selectFrom("consultation_programmes").select(["consultationId", "programmeId"]);
  if (ids) {
    consultationsQ = consultationsQ.where("c.id", "in", ids);
    topicsQ = topicsQ.where("id", "in", referenced("c.topicId"));
    briefsQ = briefsQ.where("id", "in", referenced("c.briefId"));
    questionsQ = questionsQ.where("briefId", "in", referenced("c.briefId"));
    programmesQ = programmesQ.where("consultationId", "in", ids);
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
    programmesQ.compile(),
  ] as const;
}

type RecordRows = RowsOf<ReturnType<typeof consultationRecordQueries>>;

function toConsultationRecords([rows, topics, briefs, questionCounts, expertCountries, groupSizes, programmes]: RecordRows, now: Date): ConsultationRecord[] {
  const themeOf = new Map(topics.map((t) => [t.id, t.theme]));
  const challengeLengthOf = new Map(briefs.map((b) => [b.id, Number(b.challengeLength)]));
  const questionsOf = new Map(questionCounts.map((r) => [r.briefId, Number(r.n)]));
  const countryOf = new Map(expertCountries.map((e) => [e.id, e.country]));
  const membersOf = new Map(groupSizes.map((r) => [r.groupId, Number(r.n)]));
  const programmeOf = new Map(programmes.map((r) => [r.consultationId, r.programmeId]));

  return rows.map((r): ConsultationRecord => {
    const status = statusNow(r, now);
    return {
      id: r.id,
      status,
      theme: themeOf.get(r.topicId) ?? "",
      expertCountry: countryOf.get(r.expertId) ?? "",
      programmeId: programmeOf.get(r.id) ?? null,
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

/**
 * The plain records buildConceptReport takes, read from the source tables: the consultations, and
 * their evaluations one by one. One consultation's figures (the evaluations view), and the
 * reference the report's own table (report-rows.ts) is tested against.
 */
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
