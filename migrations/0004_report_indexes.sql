-- The concept report (issue 4) tallies every evaluation per consultation. This index holds every
-- column that tally reads, so the scan never visits the table. Plain SQL for the Node migrator and
-- `wrangler d1 migrations apply` alike: no BEGIN/COMMIT.
CREATE INDEX evaluations_report ON evaluations(
  consultationId, side, usefulness, preparation, technicalQuality, durationFit, wouldRecommend, followUpInterest, actualMinutes
);
