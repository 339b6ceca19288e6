-- Sign-in (issue 13): API token expiry and use, page sessions, OpenID Connect and e-mail link
-- sign-in, rate-limit counters and security events. No secret is stored: every credential
-- below (session id, e-mail link, flow key) is kept as its SHA-256 only.

-- Tokens now expire. Existing ones get 90 days from this migration rather than from their
-- creation, so an upgrade does not lock anyone out on the spot.
ALTER TABLE api_tokens ADD COLUMN expiresAt TEXT;
ALTER TABLE api_tokens ADD COLUMN lastUsedAt TEXT;
UPDATE api_tokens SET expiresAt = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE expiresAt IS NULL;

-- A page session. role/memberId say who; tokenId is set when it was opened with an API token
-- (the session then ends with the token); coordinatorKey names a coordinator signed in without one.
CREATE TABLE sessions (
  idHash TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('coordinator','member')),
  memberId TEXT REFERENCES group_members(id) ON DELETE CASCADE,
  tokenId TEXT REFERENCES api_tokens(id) ON DELETE CASCADE,
  coordinatorKey TEXT,
  method TEXT NOT NULL CHECK (method IN ('token','oidc','email')),
  createdAt TEXT NOT NULL,
  lastSeenAt TEXT NOT NULL,
  expiresAt TEXT NOT NULL,
  endedAt TEXT,
  CHECK ((role = 'member') = (memberId IS NOT NULL))
);
CREATE INDEX sessions_member ON sessions(memberId);

-- A person's stable id at the identity provider (Entra: tid:oid), linked on first sign-in.
CREATE TABLE sign_in_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('coordinator','member')),
  memberId TEXT REFERENCES group_members(id) ON DELETE CASCADE,
  coordinatorKey TEXT,
  linkedAt TEXT NOT NULL,
  PRIMARY KEY (issuer, subject, role)
);

-- An OpenID Connect sign-in under way: keyed by the hash of the browser's flow cookie.
CREATE TABLE oidc_flows (
  keyHash TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  nonce TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('coordinator','member')),
  expiresAt TEXT NOT NULL
);

-- A single-use e-mail sign-in link.
CREATE TABLE email_sign_in_links (
  secretHash TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('coordinator','member')),
  memberId TEXT REFERENCES group_members(id) ON DELETE CASCADE,
  coordinatorKey TEXT,
  createdAt TEXT NOT NULL,
  expiresAt TEXT NOT NULL,
  usedAt TEXT
);

-- Fixed-window counters, one row per key (the hash of limit name and address or identity).
CREATE TABLE rate_limit_counters (
  key TEXT PRIMARY KEY,
  windowStart INTEGER NOT NULL,
  count INTEGER NOT NULL
);

CREATE TABLE security_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  method TEXT,
  actorType TEXT,
  actorId TEXT,
  detail TEXT
);
CREATE INDEX security_events_at ON security_events(at);
