-- Issue 17, second slice (docs/adr/0025-money-aware-sync-conflicts-and-the-sync-area.md): conflict items a person
-- can read and settle, and what a person decided about a parked event. All append-only: a decision is a new row.

-- Where another workstation's version met this one's: both versions as a clerk reads them and what the sync did.
CREATE TABLE sync_conflict (
    seq            BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id       UUID          NOT NULL,   -- the other workstation's event (sync_inbound)
    kind           VARCHAR(30)   NOT NULL,
    subject        VARCHAR(200)  NOT NULL,   -- "payment trace EFT100 of 120.00", "claim 12"
    here_version   VARCHAR(2000) NOT NULL,
    there_version  VARCHAR(2000) NOT NULL,
    settled        VARCHAR(2000) NOT NULL,   -- what the sync did about it
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_conflict_kind CHECK (kind IN ('PAYMENT_POSTED_TWICE', 'CLAIM_DIFFERS'))
);
CREATE INDEX sync_conflict_event ON sync_conflict (event_id);
CREATE TRIGGER sync_conflict_append_only BEFORE UPDATE, DELETE ON sync_conflict
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A person marked a conflict as looked at and settled, with a note.
CREATE TABLE sync_conflict_resolution (
    conflict_seq  BIGINT        PRIMARY KEY REFERENCES sync_conflict (seq),
    note          VARCHAR(1000) NOT NULL,
    resolved_by   VARCHAR(60)   NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER sync_conflict_resolution_append_only BEFORE UPDATE, DELETE ON sync_conflict_resolution
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A parked event a person decided not to apply here, with the reason (it stays on the central server).
CREATE TABLE sync_parked_discard (
    event_id      UUID          PRIMARY KEY REFERENCES sync_inbound (event_id),
    reason        VARCHAR(1000) NOT NULL,
    discarded_by  VARCHAR(60)   NOT NULL,
    discarded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER sync_parked_discard_append_only BEFORE UPDATE, DELETE ON sync_parked_discard
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
