-- Personal data (issue 14): erasure, authorship for export, retention. Plain SQL for the Node
-- migrator and `wrangler d1 migrations apply` alike: no BEGIN/COMMIT. Which column holds what
-- kind of personal data is listed in src/privacy/personal-data.ts.

-- Set when the coordinator erases the person: name and e-mail are then placeholders. The rows
-- stay, because consultations refer to them and the report counts group members.
ALTER TABLE experts ADD COLUMN erasedAt TEXT;
ALTER TABLE group_members ADD COLUMN erasedAt TEXT;

-- Who wrote a topic or a brief, so that an export can list it and an erasure can remove it.
ALTER TABLE topics ADD COLUMN createdBy TEXT REFERENCES group_members(id);
ALTER TABLE briefs ADD COLUMN createdBy TEXT REFERENCES group_members(id);
-- Earlier rows: the author is the member named in the creation's audit entry.
UPDATE topics SET createdBy = (
  SELECT a.actorId FROM audit_entries a
  WHERE a.action = 'topic.created' AND a.entityType = 'topic' AND a.entityId = topics.id AND a.actorType = 'member'
    AND a.actorId IN (SELECT id FROM group_members)
  LIMIT 1
);
UPDATE briefs SET createdBy = (
  SELECT a.actorId FROM audit_entries a
  WHERE a.action = 'brief.created' AND a.actorType = 'member' AND json_extract(a.detail, '$.briefId') = briefs.id
    AND a.actorId IN (SELECT id FROM group_members)
  LIMIT 1
);

-- The concept report classifies briefs by the challenge's length; when the text is removed
-- (erasure, retention) its length is kept here. Null while the text is there.
ALTER TABLE briefs ADD COLUMN challengeLength INTEGER;

-- Closed consultations whose names, e-mail addresses and free text the retention sweep has removed.
CREATE TABLE anonymised_consultations (
  consultationId TEXT PRIMARY KEY REFERENCES consultations(id),
  anonymisedAt TEXT NOT NULL
);
