-- Webhook delivery (issue 9): when a delivery was first tried, so that retries go on for at
-- least 24 hours from then (not from the event, which may wait while the service is down), and
-- the index the runner's claim and GET /api/webhooks' counts read by endpoint and status.
ALTER TABLE webhook_deliveries ADD COLUMN firstAttemptAt TEXT;
CREATE INDEX webhook_deliveries_endpoint_status ON webhook_deliveries(endpointId, status);
