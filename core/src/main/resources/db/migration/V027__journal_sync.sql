-- Issue 17: journal sync with a central PostgreSQL and the SFTP ERA mailbox (docs/adr/0021-journal-sync-through-central-postgresql.md).
-- Pushed events are acknowledged in journal_sync (V001, target 'central'), so journal_event itself never changes.

-- This workstation's identity on the central server, made once; a copied data folder must be given a new one.
CREATE TABLE sync_workstation (
    id              INT PRIMARY KEY,
    workstation_id  UUID NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_workstation_single CHECK (id = 1)
);

-- Where the central server is; the password is never kept here (an environment variable or an owner-only file).
CREATE TABLE sync_settings (
    id          INT PRIMARY KEY,
    central_url VARCHAR(500) NOT NULL,
    central_user VARCHAR(120) NOT NULL,
    tls_mode    VARCHAR(20)  NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by    VARCHAR(60)  NOT NULL,
    CONSTRAINT sync_settings_single CHECK (id = 1),
    CONSTRAINT sync_settings_tls CHECK (tls_mode IN ('DISABLE', 'REQUIRE', 'VERIFY_FULL'))
);

-- Every other workstation's event seen here, once (the key), and what became of it. The pull cursor is
-- MAX(central_seq): an event is recorded in the same transaction as its effects wherever it can be.
CREATE TABLE sync_inbound (
    event_id     UUID PRIMARY KEY,
    central_seq  BIGINT       NOT NULL,
    origin_name  VARCHAR(120) NOT NULL,
    origin_user  VARCHAR(60)  NOT NULL,
    event_type   VARCHAR(60)  NOT NULL,
    outcome      VARCHAR(12)  NOT NULL,
    reason       VARCHAR(2000),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sync_inbound_seq_unique UNIQUE (central_seq),
    CONSTRAINT sync_inbound_outcome CHECK (outcome IN ('APPLIED', 'DUPLICATE', 'SKIPPED', 'PARKED'))
);
CREATE TRIGGER sync_inbound_append_only BEFORE UPDATE, DELETE ON sync_inbound
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- One row per sync attempt (append-only): the status bar's "last successful sync" and the history.
CREATE TABLE sync_run (
    seq          BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    pushed       INT          NOT NULL,
    pulled       INT          NOT NULL,
    message      VARCHAR(1000),
    CONSTRAINT sync_run_outcome CHECK (outcome IN ('CAUGHT_UP', 'UNREACHABLE', 'FAILED'))
);
CREATE TRIGGER sync_run_append_only BEFORE UPDATE, DELETE ON sync_run
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- The SFTP ERA mailbox: where it is (password or key passphrase never kept here).
CREATE TABLE mailbox_settings (
    id            INT PRIMARY KEY,
    host          VARCHAR(255) NOT NULL,
    port          INT          NOT NULL,
    user_name     VARCHAR(120) NOT NULL,
    remote_dir    VARCHAR(500) NOT NULL,
    key_file      VARCHAR(1000),
    known_hosts   VARCHAR(1000),
    saved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_settings_single CHECK (id = 1)
);

-- Each mailbox file seen, by remote name + size + SHA-256, with what became of it: a file is fetched and
-- imported once, and a bad one is not tried again until its bytes change.
CREATE TABLE mailbox_file (
    remote_name  VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    outcome      VARCHAR(12)  NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (remote_name, size_bytes, sha256),
    CONSTRAINT mailbox_file_outcome CHECK (outcome IN ('IMPORTED', 'DUPLICATE', 'REJECTED'))
);
CREATE TRIGGER mailbox_file_append_only BEFORE UPDATE, DELETE ON mailbox_file
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
