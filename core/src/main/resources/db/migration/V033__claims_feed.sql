-- Issue 17: each claims-feed batch taken from the central server, once, with its outcome. The watermark is
-- MAX(last_feed_seq); a rejected batch is recorded too and not tried again (the pharmacy system sends a corrected
-- batch under a new name), like a rejected mailbox file.
CREATE TABLE claims_feed_batch (
    last_feed_seq  BIGINT        PRIMARY KEY,
    first_feed_seq BIGINT        NOT NULL,
    batch          VARCHAR(200)  NOT NULL,
    outcome        VARCHAR(12)   NOT NULL,
    imported       INT           NOT NULL,
    skipped        INT           NOT NULL,
    message        VARCHAR(4000) NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT claims_feed_batch_outcome CHECK (outcome IN ('IMPORTED', 'REJECTED'))
);
CREATE TRIGGER claims_feed_batch_append_only BEFORE UPDATE, DELETE ON claims_feed_batch
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
