-- The coordinator's workplace (issue 11): experts can be deactivated, members removed,
-- accessibility feedback answered with a note, and e-mail addresses are unique.

-- An inactive expert is no longer offered to groups but stays in the history and the report.
ALTER TABLE experts ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1));

-- A removed member stays, because consultations and tokens name them; removedAt hides them.
ALTER TABLE group_members ADD COLUMN removedAt TEXT;

ALTER TABLE accessibility_feedback ADD COLUMN answerNote TEXT;

-- Duplicates already stored: the earliest entry of an e-mail address is kept as it is. Later
-- experts with the same address are deactivated (their consultations and evaluations stay);
-- later members with the same address are marked removed and their tokens revoked, so the
-- person keeps the membership and token they received first.
UPDATE experts SET active = 0
WHERE erasedAt IS NULL AND EXISTS (
  SELECT 1 FROM experts older
  WHERE older.erasedAt IS NULL AND lower(older.email) = lower(experts.email)
    AND (older.createdAt < experts.createdAt OR (older.createdAt = experts.createdAt AND older.id < experts.id))
);

UPDATE group_members SET removedAt = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE erasedAt IS NULL AND EXISTS (
  SELECT 1 FROM group_members older
  WHERE older.erasedAt IS NULL AND lower(older.email) = lower(group_members.email)
    AND (older.createdAt < group_members.createdAt OR (older.createdAt = group_members.createdAt AND older.id < group_members.id))
);

UPDATE api_tokens SET revokedAt = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE revokedAt IS NULL
  AND memberId IN (SELECT id FROM group_members WHERE removedAt IS NOT NULL);

-- Unique among the active directory and the current members: the index is the rule, so two
-- simultaneous additions cannot both succeed. Erased people all carry the same placeholder
-- address (migration 0007), so they are left out.
CREATE UNIQUE INDEX experts_email_active ON experts(lower(email)) WHERE active = 1 AND erasedAt IS NULL;
CREATE UNIQUE INDEX group_members_email_current ON group_members(lower(email)) WHERE removedAt IS NULL AND erasedAt IS NULL;

CREATE INDEX accessibility_feedback_open ON accessibility_feedback(answeredAt, answerBy, receivedAt);
