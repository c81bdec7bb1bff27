-- Issue 17, third slice (docs/adr/0034-retrying-parked-events-and-claims-files.md): the claims feed as CSV files the
-- pharmacy system drops in a folder of the SFTP mailbox. Where that folder is (NULL: no claims folder).
ALTER TABLE mailbox_settings ADD COLUMN claims_dir VARCHAR(500);

-- Each claims file seen, by remote name + size + SHA-256, with what became of it: a file is imported once, the same
-- bytes under another name are refused as a duplicate, and a rejected file is not tried again until its bytes change.
CREATE TABLE claims_feed_file (
    remote_name  VARCHAR(255)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    outcome      VARCHAR(12)   NOT NULL,
    imported     INT           NOT NULL,
    skipped      INT           NOT NULL,
    message      VARCHAR(4000) NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (remote_name, size_bytes, sha256),
    CONSTRAINT claims_feed_file_outcome CHECK (outcome IN ('IMPORTED', 'DUPLICATE', 'REJECTED'))
);
CREATE INDEX claims_feed_file_sha256 ON claims_feed_file (sha256);
CREATE TRIGGER claims_feed_file_append_only BEFORE UPDATE, DELETE ON claims_feed_file
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
