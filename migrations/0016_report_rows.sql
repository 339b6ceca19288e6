-- The concept report's own narrow table (issue 16): one row per consultation with every figure the
-- report reads, copied from the consultation, its topic (theme), its expert's organisation
-- (country), its programme, its brief (size), its confirmed and proposed times (as milliseconds,
-- for the status as of now), and its evaluations counted per side and answer. The report groups
-- this table alone, never one row per consultation into the application; src/reports/report-rows.ts
-- refreshes a row in the same atomic batch as every write that changes what it copies.
-- Plain SQL for the Node migrator and wrangler alike.
--
-- The table is kept in the order of the outcome breakdowns' cells, and each other grouped read
-- has a covering index in the order it groups by: SQLite groups by sorting, and sorting 100,000
-- rows costs more than reading them.
CREATE TABLE report_consultations (
  theme TEXT NOT NULL,
  country TEXT NOT NULL,
  -- The programme's id, '' for none: a column of a WITHOUT ROWID primary key cannot be NULL.
  programmeId TEXT NOT NULL,
  durationBand TEXT NOT NULL,
  questionBand TEXT NOT NULL,
  challengeBand TEXT NOT NULL,
  id TEXT NOT NULL UNIQUE REFERENCES consultations(id),
  createdAt TEXT NOT NULL,
  groupId TEXT NOT NULL,
  themeKey TEXT NOT NULL,
  status TEXT NOT NULL,
  requested INTEGER NOT NULL,
  confirmed INTEGER NOT NULL,
  noShow INTEGER NOT NULL,
  slotEndMs INTEGER,
  latestStartMs INTEGER,
  durationMinutes INTEGER NOT NULL,
  actualMinutes INTEGER,
  requestToConfirmMs INTEGER,
  confirmToSessionMs INTEGER,
  followUpOf TEXT,
  fundingSource TEXT,
  mN INTEGER NOT NULL DEFAULT 0,
  mU1 INTEGER NOT NULL DEFAULT 0,
  mU2 INTEGER NOT NULL DEFAULT 0,
  mU3 INTEGER NOT NULL DEFAULT 0,
  mU4 INTEGER NOT NULL DEFAULT 0,
  mU5 INTEGER NOT NULL DEFAULT 0,
  mP1 INTEGER NOT NULL DEFAULT 0,
  mP2 INTEGER NOT NULL DEFAULT 0,
  mP3 INTEGER NOT NULL DEFAULT 0,
  mP4 INTEGER NOT NULL DEFAULT 0,
  mP5 INTEGER NOT NULL DEFAULT 0,
  mT1 INTEGER NOT NULL DEFAULT 0,
  mT2 INTEGER NOT NULL DEFAULT 0,
  mT3 INTEGER NOT NULL DEFAULT 0,
  mT4 INTEGER NOT NULL DEFAULT 0,
  mT5 INTEGER NOT NULL DEFAULT 0,
  mShort INTEGER NOT NULL DEFAULT 0,
  mRight INTEGER NOT NULL DEFAULT 0,
  mLong INTEGER NOT NULL DEFAULT 0,
  mRecommend INTEGER NOT NULL DEFAULT 0,
  mInterest INTEGER NOT NULL DEFAULT 0,
  eN INTEGER NOT NULL DEFAULT 0,
  eU1 INTEGER NOT NULL DEFAULT 0,
  eU2 INTEGER NOT NULL DEFAULT 0,
  eU3 INTEGER NOT NULL DEFAULT 0,
  eU4 INTEGER NOT NULL DEFAULT 0,
  eU5 INTEGER NOT NULL DEFAULT 0,
  eP1 INTEGER NOT NULL DEFAULT 0,
  eP2 INTEGER NOT NULL DEFAULT 0,
  eP3 INTEGER NOT NULL DEFAULT 0,
  eP4 INTEGER NOT NULL DEFAULT 0,
  eP5 INTEGER NOT NULL DEFAULT 0,
  eT1 INTEGER NOT NULL DEFAULT 0,
  eT2 INTEGER NOT NULL DEFAULT 0,
  eT3 INTEGER NOT NULL DEFAULT 0,
  eT4 INTEGER NOT NULL DEFAULT 0,
  eT5 INTEGER NOT NULL DEFAULT 0,
  eShort INTEGER NOT NULL DEFAULT 0,
  eRight INTEGER NOT NULL DEFAULT 0,
  eLong INTEGER NOT NULL DEFAULT 0,
  eRecommend INTEGER NOT NULL DEFAULT 0,
  eInterest INTEGER NOT NULL DEFAULT 0,
  sessionMinutes REAL,
  PRIMARY KEY (theme, country, programmeId, durationBand, questionBand, challengeBand, id)
) WITHOUT ROWID;
CREATE INDEX report_consultations_statuses ON report_consultations(status, requested, confirmed, noShow, fundingSource, slotEndMs, latestStartMs, followUpOf, createdAt, themeKey, country, programmeId);
CREATE INDEX report_consultations_sessions ON report_consultations(durationMinutes, sessionMinutes, status, noShow, slotEndMs, mN, eN, createdAt, themeKey, country, programmeId);
CREATE INDEX report_consultations_groups ON report_consultations(groupId, status, noShow, slotEndMs, createdAt, themeKey, country, programmeId);
CREATE INDEX report_consultations_follow_ups ON report_consultations(followUpOf, createdAt, themeKey, country, programmeId) WHERE followUpOf IS NOT NULL;
-- The two medians pick their middle values in order from these.
CREATE INDEX report_consultations_to_confirm ON report_consultations(requestToConfirmMs, createdAt, themeKey, country, programmeId) WHERE requestToConfirmMs IS NOT NULL;
CREATE INDEX report_consultations_to_session ON report_consultations(confirmToSessionMs, createdAt, themeKey, country, programmeId) WHERE confirmToSessionMs IS NOT NULL;

-- The outcome breakdowns' cells added up over every consultation, kept by triggers on the table
-- above: the unfiltered report (or one by theme, country or programme) reads a few hundred rows.
CREATE TABLE report_cells (
  theme TEXT NOT NULL,
  country TEXT NOT NULL,
  programmeId TEXT NOT NULL,
  durationBand TEXT NOT NULL,
  questionBand TEXT NOT NULL,
  challengeBand TEXT NOT NULL,
  consultations INTEGER NOT NULL,
  withMember INTEGER NOT NULL,
  withExpert INTEGER NOT NULL,
  mN INTEGER NOT NULL,
  mU1 INTEGER NOT NULL,
  mU2 INTEGER NOT NULL,
  mU3 INTEGER NOT NULL,
  mU4 INTEGER NOT NULL,
  mU5 INTEGER NOT NULL,
  mP1 INTEGER NOT NULL,
  mP2 INTEGER NOT NULL,
  mP3 INTEGER NOT NULL,
  mP4 INTEGER NOT NULL,
  mP5 INTEGER NOT NULL,
  mT1 INTEGER NOT NULL,
  mT2 INTEGER NOT NULL,
  mT3 INTEGER NOT NULL,
  mT4 INTEGER NOT NULL,
  mT5 INTEGER NOT NULL,
  mShort INTEGER NOT NULL,
  mRight INTEGER NOT NULL,
  mLong INTEGER NOT NULL,
  mRecommend INTEGER NOT NULL,
  mInterest INTEGER NOT NULL,
  eN INTEGER NOT NULL,
  eU1 INTEGER NOT NULL,
  eU2 INTEGER NOT NULL,
  eU3 INTEGER NOT NULL,
  eU4 INTEGER NOT NULL,
  eU5 INTEGER NOT NULL,
  eP1 INTEGER NOT NULL,
  eP2 INTEGER NOT NULL,
  eP3 INTEGER NOT NULL,
  eP4 INTEGER NOT NULL,
  eP5 INTEGER NOT NULL,
  eT1 INTEGER NOT NULL,
  eT2 INTEGER NOT NULL,
  eT3 INTEGER NOT NULL,
  eT4 INTEGER NOT NULL,
  eT5 INTEGER NOT NULL,
  eShort INTEGER NOT NULL,
  eRight INTEGER NOT NULL,
  eLong INTEGER NOT NULL,
  eRecommend INTEGER NOT NULL,
  eInterest INTEGER NOT NULL,
  PRIMARY KEY (theme, country, programmeId, durationBand, questionBand, challengeBand)
) WITHOUT ROWID;
CREATE TRIGGER report_cells_insert AFTER INSERT ON report_consultations FOR EACH ROW BEGIN
    INSERT INTO report_cells (theme, country, programmeId, durationBand, questionBand, challengeBand, consultations, withMember, withExpert, mN, mU1, mU2, mU3, mU4, mU5, mP1, mP2, mP3, mP4, mP5, mT1, mT2, mT3, mT4, mT5, mShort, mRight, mLong, mRecommend, mInterest, eN, eU1, eU2, eU3, eU4, eU5, eP1, eP2, eP3, eP4, eP5, eT1, eT2, eT3, eT4, eT5, eShort, eRight, eLong, eRecommend, eInterest)
    VALUES (NEW.theme, NEW.country, NEW.programmeId, NEW.durationBand, NEW.questionBand, NEW.challengeBand, (NEW.mN + NEW.eN > 0), (NEW.mN > 0), (NEW.eN > 0), NEW.mN, NEW.mU1, NEW.mU2, NEW.mU3, NEW.mU4, NEW.mU5, NEW.mP1, NEW.mP2, NEW.mP3, NEW.mP4, NEW.mP5, NEW.mT1, NEW.mT2, NEW.mT3, NEW.mT4, NEW.mT5, NEW.mShort, NEW.mRight, NEW.mLong, NEW.mRecommend, NEW.mInterest, NEW.eN, NEW.eU1, NEW.eU2, NEW.eU3, NEW.eU4, NEW.eU5, NEW.eP1, NEW.eP2, NEW.eP3, NEW.eP4, NEW.eP5, NEW.eT1, NEW.eT2, NEW.eT3, NEW.eT4, NEW.eT5, NEW.eShort, NEW.eRight, NEW.eLong, NEW.eRecommend, NEW.eInterest)
    ON CONFLICT (theme, country, programmeId, durationBand, questionBand, challengeBand) DO UPDATE SET consultations = consultations + excluded.consultations, withMember = withMember + excluded.withMember, withExpert = withExpert + excluded.withExpert, mN = mN + excluded.mN, mU1 = mU1 + excluded.mU1, mU2 = mU2 + excluded.mU2, mU3 = mU3 + excluded.mU3, mU4 = mU4 + excluded.mU4, mU5 = mU5 + excluded.mU5, mP1 = mP1 + excluded.mP1, mP2 = mP2 + excluded.mP2, mP3 = mP3 + excluded.mP3, mP4 = mP4 + excluded.mP4, mP5 = mP5 + excluded.mP5, mT1 = mT1 + excluded.mT1, mT2 = mT2 + excluded.mT2, mT3 = mT3 + excluded.mT3, mT4 = mT4 + excluded.mT4, mT5 = mT5 + excluded.mT5, mShort = mShort + excluded.mShort, mRight = mRight + excluded.mRight, mLong = mLong + excluded.mLong, mRecommend = mRecommend + excluded.mRecommend, mInterest = mInterest + excluded.mInterest, eN = eN + excluded.eN, eU1 = eU1 + excluded.eU1, eU2 = eU2 + excluded.eU2, eU3 = eU3 + excluded.eU3, eU4 = eU4 + excluded.eU4, eU5 = eU5 + excluded.eU5, eP1 = eP1 + excluded.eP1, eP2 = eP2 + excluded.eP2, eP3 = eP3 + excluded.eP3, eP4 = eP4 + excluded.eP4, eP5 = eP5 + excluded.eP5, eT1 = eT1 + excluded.eT1, eT2 = eT2 + excluded.eT2, eT3 = eT3 + excluded.eT3, eT4 = eT4 + excluded.eT4, eT5 = eT5 + excluded.eT5, eShort = eShort + excluded.eShort, eRight = eRight + excluded.eRight, eLong = eLong + excluded.eLong, eRecommend = eRecommend + excluded.eRecommend, eInterest = eInterest + excluded.eInterest;
END;
CREATE TRIGGER report_cells_delete AFTER DELETE ON report_consultations FOR EACH ROW BEGIN
    UPDATE report_cells SET consultations = consultations - (OLD.mN + OLD.eN > 0), withMember = withMember - (OLD.mN > 0), withExpert = withExpert - (OLD.eN > 0), mN = mN - OLD.mN, mU1 = mU1 - OLD.mU1, mU2 = mU2 - OLD.mU2, mU3 = mU3 - OLD.mU3, mU4 = mU4 - OLD.mU4, mU5 = mU5 - OLD.mU5, mP1 = mP1 - OLD.mP1, mP2 = mP2 - OLD.mP2, mP3 = mP3 - OLD.mP3, mP4 = mP4 - OLD.mP4, mP5 = mP5 - OLD.mP5, mT1 = mT1 - OLD.mT1, mT2 = mT2 - OLD.mT2, mT3 = mT3 - OLD.mT3, mT4 = mT4 - OLD.mT4, mT5 = mT5 - OLD.mT5, mShort = mShort - OLD.mShort, mRight = mRight - OLD.mRight, mLong = mLong - OLD.mLong, mRecommend = mRecommend - OLD.mRecommend, mInterest = mInterest - OLD.mInterest, eN = eN - OLD.eN, eU1 = eU1 - OLD.eU1, eU2 = eU2 - OLD.eU2, eU3 = eU3 - OLD.eU3, eU4 = eU4 - OLD.eU4, eU5 = eU5 - OLD.eU5, eP1 = eP1 - OLD.eP1, eP2 = eP2 - OLD.eP2, eP3 = eP3 - OLD.eP3, eP4 = eP4 - OLD.eP4, eP5 = eP5 - OLD.eP5, eT1 = eT1 - OLD.eT1, eT2 = eT2 - OLD.eT2, eT3 = eT3 - OLD.eT3, eT4 = eT4 - OLD.eT4, eT5 = eT5 - OLD.eT5, eShort = eShort - OLD.eShort, eRight = eRight - OLD.eRight, eLong = eLong - OLD.eLong, eRecommend = eRecommend - OLD.eRecommend, eInterest = eInterest - OLD.eInterest
    WHERE theme = OLD.theme AND country = OLD.country AND programmeId = OLD.programmeId AND durationBand = OLD.durationBand AND questionBand = OLD.questionBand AND challengeBand = OLD.challengeBand;
END;
CREATE TRIGGER report_cells_update AFTER UPDATE ON report_consultations FOR EACH ROW BEGIN
    UPDATE report_cells SET consultations = consultations - (OLD.mN + OLD.eN > 0), withMember = withMember - (OLD.mN > 0), withExpert = withExpert - (OLD.eN > 0), mN = mN - OLD.mN, mU1 = mU1 - OLD.mU1, mU2 = mU2 - OLD.mU2, mU3 = mU3 - OLD.mU3, mU4 = mU4 - OLD.mU4, mU5 = mU5 - OLD.mU5, mP1 = mP1 - OLD.mP1, mP2 = mP2 - OLD.mP2, mP3 = mP3 - OLD.mP3, mP4 = mP4 - OLD.mP4, mP5 = mP5 - OLD.mP5, mT1 = mT1 - OLD.mT1, mT2 = mT2 - OLD.mT2, mT3 = mT3 - OLD.mT3, mT4 = mT4 - OLD.mT4, mT5 = mT5 - OLD.mT5, mShort = mShort - OLD.mShort, mRight = mRight - OLD.mRight, mLong = mLong - OLD.mLong, mRecommend = mRecommend - OLD.mRecommend, mInterest = mInterest - OLD.mInterest, eN = eN - OLD.eN, eU1 = eU1 - OLD.eU1, eU2 = eU2 - OLD.eU2, eU3 = eU3 - OLD.eU3, eU4 = eU4 - OLD.eU4, eU5 = eU5 - OLD.eU5, eP1 = eP1 - OLD.eP1, eP2 = eP2 - OLD.eP2, eP3 = eP3 - OLD.eP3, eP4 = eP4 - OLD.eP4, eP5 = eP5 - OLD.eP5, eT1 = eT1 - OLD.eT1, eT2 = eT2 - OLD.eT2, eT3 = eT3 - OLD.eT3, eT4 = eT4 - OLD.eT4, eT5 = eT5 - OLD.eT5, eShort = eShort - OLD.eShort, eRight = eRight - OLD.eRight, eLong = eLong - OLD.eLong, eRecommend = eRecommend - OLD.eRecommend, eInterest = eInterest - OLD.eInterest
    WHERE theme = OLD.theme AND country = OLD.country AND programmeId = OLD.programmeId AND durationBand = OLD.durationBand AND questionBand = OLD.questionBand AND challengeBand = OLD.challengeBand;
    INSERT INTO report_cells (theme, country, programmeId, durationBand, questionBand, challengeBand, consultations, withMember, withExpert, mN, mU1, mU2, mU3, mU4, mU5, mP1, mP2, mP3, mP4, mP5, mT1, mT2, mT3, mT4, mT5, mShort, mRight, mLong, mRecommend, mInterest, eN, eU1, eU2, eU3, eU4, eU5, eP1, eP2, eP3, eP4, eP5, eT1, eT2, eT3, eT4, eT5, eShort, eRight, eLong, eRecommend, eInterest)
    VALUES (NEW.theme, NEW.country, NEW.programmeId, NEW.durationBand, NEW.questionBand, NEW.challengeBand, (NEW.mN + NEW.eN > 0), (NEW.mN > 0), (NEW.eN > 0), NEW.mN, NEW.mU1, NEW.mU2, NEW.mU3, NEW.mU4, NEW.mU5, NEW.mP1, NEW.mP2, NEW.mP3, NEW.mP4, NEW.mP5, NEW.mT1, NEW.mT2, NEW.mT3, NEW.mT4, NEW.mT5, NEW.mShort, NEW.mRight, NEW.mLong, NEW.mRecommend, NEW.mInterest, NEW.eN, NEW.eU1, NEW.eU2, NEW.eU3, NEW.eU4, NEW.eU5, NEW.eP1, NEW.eP2, NEW.eP3, NEW.eP4, NEW.eP5, NEW.eT1, NEW.eT2, NEW.eT3, NEW.eT4, NEW.eT5, NEW.eShort, NEW.eRight, NEW.eLong, NEW.eRecommend, NEW.eInterest)
    ON CONFLICT (theme, country, programmeId, durationBand, questionBand, challengeBand) DO UPDATE SET consultations = consultations + excluded.consultations, withMember = withMember + excluded.withMember, withExpert = withExpert + excluded.withExpert, mN = mN + excluded.mN, mU1 = mU1 + excluded.mU1, mU2 = mU2 + excluded.mU2, mU3 = mU3 + excluded.mU3, mU4 = mU4 + excluded.mU4, mU5 = mU5 + excluded.mU5, mP1 = mP1 + excluded.mP1, mP2 = mP2 + excluded.mP2, mP3 = mP3 + excluded.mP3, mP4 = mP4 + excluded.mP4, mP5 = mP5 + excluded.mP5, mT1 = mT1 + excluded.mT1, mT2 = mT2 + excluded.mT2, mT3 = mT3 + excluded.mT3, mT4 = mT4 + excluded.mT4, mT5 = mT5 + excluded.mT5, mShort = mShort + excluded.mShort, mRight = mRight + excluded.mRight, mLong = mLong + excluded.mLong, mRecommend = mRecommend + excluded.mRecommend, mInterest = mInterest + excluded.mInterest, eN = eN + excluded.eN, eU1 = eU1 + excluded.eU1, eU2 = eU2 + excluded.eU2, eU3 = eU3 + excluded.eU3, eU4 = eU4 + excluded.eU4, eU5 = eU5 + excluded.eU5, eP1 = eP1 + excluded.eP1, eP2 = eP2 + excluded.eP2, eP3 = eP3 + excluded.eP3, eP4 = eP4 + excluded.eP4, eP5 = eP5 + excluded.eP5, eT1 = eT1 + excluded.eT1, eT2 = eT2 + excluded.eT2, eT3 = eT3 + excluded.eT3, eT4 = eT4 + excluded.eT4, eT5 = eT5 + excluded.eT5, eShort = eShort + excluded.eShort, eRight = eRight + excluded.eRight, eLong = eLong + excluded.eLong, eRecommend = eRecommend + excluded.eRecommend, eInterest = eInterest + excluded.eInterest;
END;

-- The backfill: the statements src/reports/report-rows.ts runs (bar its DELETE, with nothing to delete), over every consultation.
INSERT INTO report_consultations (id, createdAt, groupId, theme, themeKey, country, programmeId, status, requested, confirmed, noShow, slotEndMs, latestStartMs, durationMinutes, actualMinutes, requestToConfirmMs, confirmToSessionMs, durationBand, questionBand, challengeBand, followUpOf, fundingSource)
SELECT c.id,
  c.createdAt,
  c.groupId,
  coalesce(t.theme, ''),
  lower(coalesce(t.theme, '')),
  coalesce(o.country, ''),
  coalesce(cp.programmeId, ''),
  c.status,
  c.requestedAt IS NOT NULL,
  c.confirmedAt IS NOT NULL,
  c.noShow,
  CASE WHEN cs.start <> '' AND cs."end" <> '' THEN (CAST(round(julianday(cs."end") * 86400000) AS INTEGER) - 210866760000000) END,
  (CAST(round(julianday((SELECT max(p.start) FROM proposed_slots p WHERE p.consultationId = c.id AND p.round = c.slotRound)) * 86400000) AS INTEGER) - 210866760000000),
  c.durationMinutes,
  c.actualMinutes,
  CASE WHEN c.confirmedAt IS NOT NULL AND c.requestedAt IS NOT NULL THEN (CAST(round(julianday(c.confirmedAt) * 86400000) AS INTEGER) - 210866760000000) - (CAST(round(julianday(c.requestedAt) * 86400000) AS INTEGER) - 210866760000000) END,
  CASE WHEN c.confirmedAt IS NOT NULL AND c.status IN ('confirmed', 'held', 'evaluated') THEN (CAST(round(julianday(coalesce(c.actualStart, cs.start)) * 86400000) AS INTEGER) - 210866760000000) - (CAST(round(julianday(c.confirmedAt) * 86400000) AS INTEGER) - 210866760000000) END,
  CASE WHEN c.durationMinutes BETWEEN 30 AND 34 THEN '30-34' WHEN c.durationMinutes BETWEEN 35 AND 39 THEN '35-39' WHEN c.durationMinutes BETWEEN 40 AND 45 THEN '40-45' ELSE 'other' END,
  CASE WHEN (SELECT count(*) FROM brief_questions q WHERE q.briefId = c.briefId) BETWEEN 1 AND 2 THEN '1-2' WHEN (SELECT count(*) FROM brief_questions q WHERE q.briefId = c.briefId) BETWEEN 3 AND 4 THEN '3-4' WHEN (SELECT count(*) FROM brief_questions q WHERE q.briefId = c.briefId) BETWEEN 5 AND 7 THEN '5-7' ELSE 'other' END,
  CASE WHEN coalesce(b.challengeLength, length(b.challenge), 0) BETWEEN 0 AND 499 THEN '<500' WHEN coalesce(b.challengeLength, length(b.challenge), 0) BETWEEN 500 AND 999 THEN '500-999' WHEN coalesce(b.challengeLength, length(b.challenge), 0) BETWEEN 1000 AND 2000 THEN '1000-2000' ELSE 'other' END,
  c.followUpOf,
  c.fundingSource
FROM consultations c
LEFT JOIN topics t ON t.id = c.topicId
LEFT JOIN briefs b ON b.id = c.briefId
LEFT JOIN experts x ON x.id = c.expertId
LEFT JOIN organisations o ON o.id = x.organisationId
LEFT JOIN consultation_programmes cp ON cp.consultationId = c.id
LEFT JOIN proposed_slots cs ON cs.id = c.confirmedSlotId
WHERE true;

UPDATE report_consultations SET (mN, mU1, mU2, mU3, mU4, mU5, mP1, mP2, mP3, mP4, mP5, mT1, mT2, mT3, mT4, mT5, mShort, mRight, mLong, mRecommend, mInterest, eN, eU1, eU2, eU3, eU4, eU5, eP1, eP2, eP3, eP4, eP5, eT1, eT2, eT3, eT4, eT5, eShort, eRight, eLong, eRecommend, eInterest, sessionMinutes) = (
  SELECT count(*) FILTER (WHERE side = 'member'),
  count(*) FILTER (WHERE side = 'member' AND usefulness = 1),
  count(*) FILTER (WHERE side = 'member' AND usefulness = 2),
  count(*) FILTER (WHERE side = 'member' AND usefulness = 3),
  count(*) FILTER (WHERE side = 'member' AND usefulness = 4),
  count(*) FILTER (WHERE side = 'member' AND usefulness = 5),
  count(*) FILTER (WHERE side = 'member' AND preparation = 1),
  count(*) FILTER (WHERE side = 'member' AND preparation = 2),
  count(*) FILTER (WHERE side = 'member' AND preparation = 3),
  count(*) FILTER (WHERE side = 'member' AND preparation = 4),
  count(*) FILTER (WHERE side = 'member' AND preparation = 5),
  count(*) FILTER (WHERE side = 'member' AND technicalQuality = 1),
  count(*) FILTER (WHERE side = 'member' AND technicalQuality = 2),
  count(*) FILTER (WHERE side = 'member' AND technicalQuality = 3),
  count(*) FILTER (WHERE side = 'member' AND technicalQuality = 4),
  count(*) FILTER (WHERE side = 'member' AND technicalQuality = 5),
  count(*) FILTER (WHERE side = 'member' AND durationFit = 'too_short'),
  count(*) FILTER (WHERE side = 'member' AND durationFit = 'right'),
  count(*) FILTER (WHERE side = 'member' AND durationFit = 'too_long'),
  count(*) FILTER (WHERE side = 'member' AND wouldRecommend = 1),
  count(*) FILTER (WHERE side = 'member' AND followUpInterest = 1),
  count(*) FILTER (WHERE side = 'expert'),
  count(*) FILTER (WHERE side = 'expert' AND usefulness = 1),
  count(*) FILTER (WHERE side = 'expert' AND usefulness = 2),
  count(*) FILTER (WHERE side = 'expert' AND usefulness = 3),
  count(*) FILTER (WHERE side = 'expert' AND usefulness = 4),
  count(*) FILTER (WHERE side = 'expert' AND usefulness = 5),
  count(*) FILTER (WHERE side = 'expert' AND preparation = 1),
  count(*) FILTER (WHERE side = 'expert' AND preparation = 2),
  count(*) FILTER (WHERE side = 'expert' AND preparation = 3),
  count(*) FILTER (WHERE side = 'expert' AND preparation = 4),
  count(*) FILTER (WHERE side = 'expert' AND preparation = 5),
  count(*) FILTER (WHERE side = 'expert' AND technicalQuality = 1),
  count(*) FILTER (WHERE side = 'expert' AND technicalQuality = 2),
  count(*) FILTER (WHERE side = 'expert' AND technicalQuality = 3),
  count(*) FILTER (WHERE side = 'expert' AND technicalQuality = 4),
  count(*) FILTER (WHERE side = 'expert' AND technicalQuality = 5),
  count(*) FILTER (WHERE side = 'expert' AND durationFit = 'too_short'),
  count(*) FILTER (WHERE side = 'expert' AND durationFit = 'right'),
  count(*) FILTER (WHERE side = 'expert' AND durationFit = 'too_long'),
  count(*) FILTER (WHERE side = 'expert' AND wouldRecommend = 1),
  count(*) FILTER (WHERE side = 'expert' AND followUpInterest = 1),
  coalesce(report_consultations.actualMinutes, sum(actualMinutes) * 1.0 / count(actualMinutes))
  FROM evaluations WHERE evaluations.consultationId = report_consultations.id)
WHERE id IN (SELECT c.id FROM consultations c WHERE true);
