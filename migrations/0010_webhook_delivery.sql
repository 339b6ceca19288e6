-- Webhooks (issue 9): when a delivery was first tried, so that retries go on for at least 24
-- hours from then (not from the event, which may wait while the service is down); the index the
-- runner's claim and GET /api/webhooks' counts read by endpoint and status; and a change marker
-- on endpoints, so that an audit entry in the same batch is written only when its change applied.
ALTER TABLE webhook_deliveries ADD COLUMN firstAttemptAt TEXT;
CREATE INDEX webhook_deliveries_endpoint_status ON webhook_deliveries(endpointId, status);
ALTER TABLE webhook_endpoints ADD COLUMN changeId TEXT;
