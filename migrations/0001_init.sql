-- Samråd schema. Applied by the Node migrator and by `wrangler d1 migrations apply` alike:
-- no BEGIN/COMMIT here, foreign keys are enforced on both engines.
-- Times are UTC ISO-8601 strings ending in Z; booleans are 0/1; ids are UUIDs.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL CHECK (country IN ('FI','SE','NO','DK','IS','FO','GL','AX')),
  website TEXT,
  nationallySignificant INTEGER NOT NULL CHECK (nationallySignificant IN (0,1)),
  innovative INTEGER NOT NULL CHECK (innovative IN (0,1)),
  evidenceBased INTEGER NOT NULL CHECK (evidenceBased IN (0,1)),
  criteriaNote TEXT,
  createdAt TEXT NOT NULL,
  CHECK (nationallySignificant + innovative + evidenceBased >= 1)
);

CREATE TABLE experts (
  id TEXT PRIMARY KEY,
  organisationId TEXT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  -- JSON arrays of ISO 639-1 codes and of theme strings; filtered with json_each.
  languages TEXT NOT NULL,
  themes TEXT NOT NULL,
  timeZone TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
CREATE INDEX experts_organisation ON experts(organisationId);

CREATE TABLE dev_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  timeZone TEXT NOT NULL DEFAULT 'Europe/Helsinki',
  country TEXT NOT NULL DEFAULT 'FI',
  createdAt TEXT NOT NULL
);

CREATE TABLE group_members (
  id TEXT PRIMARY KEY,
  groupId TEXT NOT NULL REFERENCES dev_groups(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
CREATE INDEX group_members_group ON group_members(groupId);

-- Only the SHA-256 of a token is kept; the token itself is shown once.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  tokenHash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('coordinator','member')),
  memberId TEXT REFERENCES group_members(id),
  label TEXT NOT NULL,
  createdAt TEXT NOT NULL,
  revokedAt TEXT,
  CHECK ((role = 'member') = (memberId IS NOT NULL))
);

CREATE TABLE topics (
  id TEXT PRIMARY KEY,
  groupId TEXT NOT NULL REFERENCES dev_groups(id),
  title TEXT NOT NULL,
  theme TEXT NOT NULL,
  description TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
CREATE INDEX topics_group ON topics(groupId, createdAt);

CREATE TABLE briefs (
  id TEXT PRIMARY KEY,
  topicId TEXT NOT NULL REFERENCES topics(id),
  groupId TEXT NOT NULL REFERENCES dev_groups(id),
  challenge TEXT NOT NULL,
  language TEXT NOT NULL,
  createdAt TEXT NOT NULL
);
CREATE INDEX briefs_topic ON briefs(topicId);

CREATE TABLE brief_questions (
  briefId TEXT NOT NULL REFERENCES briefs(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (briefId, position)
);

CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  groupId TEXT NOT NULL REFERENCES dev_groups(id),
  topicId TEXT NOT NULL REFERENCES topics(id),
  briefId TEXT NOT NULL REFERENCES briefs(id),
  expertId TEXT NOT NULL REFERENCES experts(id),
  -- The member who created it: the organiser of an ICS invitation.
  createdBy TEXT REFERENCES group_members(id),
  durationMinutes INTEGER NOT NULL CHECK (durationMinutes BETWEEN 30 AND 45),
  status TEXT NOT NULL CHECK (status IN ('draft','requested','confirmed','held','evaluated','declined','cancelled','expired')),
  -- Proposed slots of the current round are live; a reschedule opens a new round.
  slotRound INTEGER NOT NULL DEFAULT 0,
  confirmedSlotId TEXT,
  requestedAt TEXT,
  confirmedAt TEXT,
  closedAt TEXT,
  closeReason TEXT,
  -- Set anew by every state change; statements in the same atomic batch key on it,
  -- so an audit entry or outbox command is written only when the change happened.
  changeId TEXT NOT NULL,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL
);
CREATE INDEX consultations_group ON consultations(groupId, createdAt);
CREATE INDEX consultations_status ON consultations(status);
CREATE INDEX consultations_expert ON consultations(expertId);
CREATE INDEX consultations_change ON consultations(changeId);

CREATE TABLE proposed_slots (
  id TEXT PRIMARY KEY,
  consultationId TEXT NOT NULL REFERENCES consultations(id),
  round INTEGER NOT NULL,
  start TEXT NOT NULL,
  "end" TEXT NOT NULL
);
CREATE INDEX proposed_slots_consultation ON proposed_slots(consultationId, round, start);

-- Only the SHA-256 of the secret in the expert's link is kept.
CREATE TABLE expert_links (
  id TEXT PRIMARY KEY,
  consultationId TEXT NOT NULL REFERENCES consultations(id),
  secretHash TEXT NOT NULL UNIQUE,
  issuedAt TEXT NOT NULL,
  expiresAt TEXT NOT NULL,
  revokedAt TEXT
);
CREATE INDEX expert_links_consultation ON expert_links(consultationId);

CREATE TABLE meetings (
  consultationId TEXT PRIMARY KEY REFERENCES consultations(id),
  provider TEXT NOT NULL CHECK (provider IN ('ics','graph')),
  externalId TEXT NOT NULL,
  iCalUId TEXT NOT NULL,
  joinUrl TEXT,
  start TEXT NOT NULL,
  "end" TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 0,
  cancelledAt TEXT,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL
);

-- Who did what, when. Never secrets or free text: detail holds ids and codes only.
CREATE TABLE audit_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actorType TEXT NOT NULL,
  actorId TEXT,
  action TEXT NOT NULL,
  entityType TEXT NOT NULL,
  entityId TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_entries_entity ON audit_entries(entityType, entityId, id);

-- Commands for the outside world (calendar, mail), written in the same atomic batch as the
-- state change that needs them and delivered by the outbox processor.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  consultationId TEXT REFERENCES consultations(id),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  nextAttemptAt TEXT NOT NULL,
  lockedUntil TEXT,
  lastError TEXT,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, nextAttemptAt);
CREATE INDEX outbox_consultation ON outbox(consultationId, createdAt);
