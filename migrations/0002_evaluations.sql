-- Evaluations, session outcomes, follow-ups and funding (issue 4).
-- Plain SQL for the Node migrator and `wrangler d1 migrations apply` alike: no BEGIN/COMMIT.

-- What actually happened, recorded by the coordinator; both stay null until then.
ALTER TABLE consultations ADD COLUMN noShow INTEGER NOT NULL DEFAULT 0 CHECK (noShow IN (0,1));
ALTER TABLE consultations ADD COLUMN actualStart TEXT;
ALTER TABLE consultations ADD COLUMN actualMinutes INTEGER CHECK (actualMinutes IS NULL OR actualMinutes BETWEEN 1 AND 180);
-- Set when the coordinator closes the evaluation early; otherwise it closes 14 days after the session.
ALTER TABLE consultations ADD COLUMN evaluationClosedAt TEXT;
-- The consultation whose evaluation asked for this one; lets the report count follow-ups.
ALTER TABLE consultations ADD COLUMN followUpOf TEXT REFERENCES consultations(id);
-- A closed list of codes (see evaluations.schemas.ts), so that the report's sums do not split on spelling.
ALTER TABLE consultations ADD COLUMN fundingSource TEXT;

-- The report's period filter is on createdAt.
CREATE INDEX consultations_created ON consultations(createdAt);
-- Finds a consultation's follow-ups, as the foreign key's own checks must; few rows have one.
CREATE INDEX consultations_follow_up ON consultations(followUpOf) WHERE followUpOf IS NOT NULL;

-- One evaluation per person and consultation: a second submission replaces the first
-- through INSERT ... ON CONFLICT (consultationId, side, authorId) DO UPDATE.
CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  consultationId TEXT NOT NULL REFERENCES consultations(id),
  side TEXT NOT NULL CHECK (side IN ('member','expert')),
  -- group_members.id for a member, experts.id for the expert: two tables, so no foreign key.
  -- Never shown to members and never exported, so that no one learns who wrote what.
  authorId TEXT NOT NULL,
  usefulness INTEGER NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
  preparation INTEGER NOT NULL CHECK (preparation BETWEEN 1 AND 5),
  technicalQuality INTEGER NOT NULL CHECK (technicalQuality BETWEEN 1 AND 5),
  durationFit TEXT NOT NULL CHECK (durationFit IN ('too_short','right','too_long')),
  actualMinutes INTEGER CHECK (actualMinutes IS NULL OR actualMinutes BETWEEN 1 AND 180),
  wouldRecommend INTEGER NOT NULL CHECK (wouldRecommend IN (0,1)),
  followUpInterest INTEGER NOT NULL CHECK (followUpInterest IN (0,1)),
  followUpTopic TEXT CHECK (followUpTopic IS NULL OR length(followUpTopic) <= 200),
  -- Free text: visible to the coordinator only, never in logs or the audit trail.
  learnings TEXT CHECK (learnings IS NULL OR length(learnings) <= 2000),
  improvements TEXT CHECK (improvements IS NULL OR length(improvements) <= 2000),
  submittedAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL,
  UNIQUE (consultationId, side, authorId)
);
-- The unique index above (consultationId first) serves per-consultation reads and the report's join.
