-- People are told (issue 10): each member's language, the expert link kept sealed for the mail
-- that carries it, and one row per message with a unique key so that none is sent twice.

-- The language a member's mail is written in; the coordinator sets it, fi when not said.
ALTER TABLE group_members ADD COLUMN language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi','sv','en'));

-- The expert link's secret sealed with the server key (AES-GCM, purpose "expert-link"), so the
-- mail consumer can put the link in the message at send time. Only the hash is used to sign in.
ALTER TABLE expert_links ADD COLUMN secretSealed TEXT;

-- Every message the service sends or will send (reminders are due later). messageKey is
-- consultation:kind:recipient:round: inserting it twice does nothing, and the SMTP Message-ID is
-- derived from it. No body and no address is kept: both are made from the data at send time.
CREATE TABLE mail_messages (
  id TEXT PRIMARY KEY,
  messageKey TEXT NOT NULL UNIQUE,
  consultationId TEXT NOT NULL REFERENCES consultations(id),
  kind TEXT NOT NULL,
  recipientRole TEXT NOT NULL CHECK (recipientRole IN ('expert','member')),
  recipientId TEXT NOT NULL,
  round INTEGER NOT NULL,
  dueAt TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','skipped','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  nextAttemptAt TEXT NOT NULL,
  lockedUntil TEXT,
  sentAt TEXT,
  lastError TEXT,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL
);
CREATE INDEX mail_messages_due ON mail_messages(status, nextAttemptAt);
CREATE INDEX mail_messages_consultation ON mail_messages(consultationId, dueAt);
