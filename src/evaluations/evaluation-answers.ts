/**
 * The answers an evaluation holds, in the order every listing of them uses: the CSV export and a
 * person's data export read the same columns, so a new question is added here once.
 */
export const EVALUATION_ANSWER_COLUMNS = [
  "usefulness",
  "preparation",
  "technicalQuality",
  "durationFit",
  "actualMinutes",
  "wouldRecommend",
  "followUpInterest",
  "followUpTopic",
  "learnings",
  "improvements",
] as const;
