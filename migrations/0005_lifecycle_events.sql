-- One lifecycle (issue 9): every applied transition writes exactly one event in the same atomic
-- batch as its conditional UPDATE, and each consumer of events (calendar, mail, webhooks) has its
-- own delivery record per event. Plain SQL for the Node migrator and wrangler alike.

-- The state a transition started from: `SET previousStatus = status` in the same UPDATE keeps the
-- old value (SQLite evaluates SET expressions against the row before the update), so the event
-- written by INSERT … SELECT after it can name both states without a read-then-write.
ALTER TABLE consultations ADD COLUMN previousStatus TEXT;

CREATE TABLE consultation_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  consultationId TEXT NOT NULL REFERENCES consultations(id),
  type TEXT NOT NULL,
  fromStatus TEXT,
  toStatus TEXT NOT NULL,
  actorType TEXT NOT NULL,
  at TEXT NOT NULL,
  -- A small versioned JSON object of ids and codes: never free text or e-mail addresses.
  payload TEXT NOT NULL,
  changeId TEXT NOT NULL
);
CREATE INDEX consultation_events_change ON consultation_events(changeId);
CREATE INDEX consultation_events_consultation ON consultation_events(consultationId, id);

-- The outbox holds the consumers' delivery records: one row per (event, consumer) for events.
-- Legacy commands without an event (none are written any more) keep eventId NULL.
ALTER TABLE outbox ADD COLUMN eventId INTEGER REFERENCES consultation_events(id);
CREATE UNIQUE INDEX outbox_event_consumer ON outbox(eventId, kind) WHERE eventId IS NOT NULL;

-- Webhook endpoints registered by the coordinator. The signing secret is sealed with the
-- server key (AES-GCM), never stored in plain text.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secretSealed TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','failing','deleted')),
  lastSuccessAt TEXT,
  lastFailureAt TEXT,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL
);

-- One row per (endpoint, event): its id is the Standard Webhooks `webhook-id`, the same on every retry.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpointId TEXT NOT NULL REFERENCES webhook_endpoints(id),
  eventId INTEGER NOT NULL REFERENCES consultation_events(id),
  consultationId TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  nextAttemptAt TEXT NOT NULL,
  lockedUntil TEXT,
  lastStatus INTEGER,
  lastError TEXT,
  createdAt TEXT NOT NULL,
  updatedAt TEXT NOT NULL,
  UNIQUE (endpointId, eventId)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, nextAttemptAt);
CREATE INDEX webhook_deliveries_order ON webhook_deliveries(endpointId, consultationId, eventId);
