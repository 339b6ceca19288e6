-- Feedback sent through the accessibility statement's form. Finland's Act on the Provision of
-- Digital Services (306/2019) requires an answer within 14 days: answerBy is receivedAt + 14 days,
-- stored so the coordinator's list can sort and flag by it.
CREATE TABLE accessibility_feedback (
  id TEXT PRIMARY KEY,
  receivedAt TEXT NOT NULL,
  answerBy TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('fi','sv','en')),
  message TEXT NOT NULL,
  pageUrl TEXT,
  name TEXT,
  email TEXT,
  answeredAt TEXT
);
CREATE INDEX accessibility_feedback_answer_by ON accessibility_feedback(answeredAt, answerBy);
