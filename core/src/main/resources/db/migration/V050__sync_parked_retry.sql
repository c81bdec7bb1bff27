-- Issue 17, third slice (docs/adr/0034-retrying-parked-events-and-claims-files.md): a person retries a parked event
-- (after an upgrade, or after correcting what made it fail here). Each try is a new row with its outcome; the event's
-- own sync_inbound row never changes. A try that applied the event fills applied_event_id, which is unique, so an event
-- leaves the parked list once and its effects are never written twice.
CREATE TABLE sync_parked_retry (
    seq               BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id          UUID          NOT NULL REFERENCES sync_inbound (event_id),
    outcome           VARCHAR(12)   NOT NULL,
    reason            VARCHAR(2000),
    applied_event_id  UUID,
    tried_by          VARCHAR(60)   NOT NULL,
    tried_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_parked_retry_outcome CHECK (outcome IN ('APPLIED', 'DUPLICATE', 'SKIPPED', 'PARKED')),
    CONSTRAINT sync_parked_retry_settles CHECK ((outcome = 'PARKED' AND applied_event_id IS NULL)
                                                OR (outcome <> 'PARKED' AND applied_event_id = event_id)),
    CONSTRAINT sync_parked_retry_once UNIQUE (applied_event_id)
);
CREATE TRIGGER sync_parked_retry_append_only BEFORE UPDATE, DELETE ON sync_parked_retry
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
