-- Crash-consistent 835 imports (issue 23; docs/adr/0015-crash-consistent-imports.md).
-- One row per import attempt. It is committed *before* the import's large transaction (state RUNNING,
-- with the highest row id of every table the import writes: the "marks"), gets the file's manifest
-- (what the import wrote, counted and summed by the import itself) *inside* that transaction, and is
-- set PUBLISHED in a small transaction after the large one is committed and flushed to disk.
-- On every open the store verifies each RUNNING row (InterruptedImports): a file whose rows match its
-- manifest is published, anything else is removed (REPAIRED) so the clerk can import the file again,
-- or, if even that fails, left QUARANTINED with a message. ABANDONED: the attempt stored nothing
-- (duplicate, rejected, cancelled).
CREATE TABLE remit_import (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    sha256              CHAR(64)      NOT NULL,
    file_name           VARCHAR(255)  NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by          VARCHAR(60)   NOT NULL,
    -- marks: every row the import writes has an id above these (AUTO_INCREMENT, never reused)
    file_mark           BIGINT        NOT NULL,
    payment_mark        BIGINT        NOT NULL,
    claim_mark          BIGINT        NOT NULL,
    line_mark           BIGINT        NOT NULL,
    adjustment_mark     BIGINT        NOT NULL,
    remark_mark         BIGINT        NOT NULL,
    plb_mark            BIGINT        NOT NULL,
    decision_mark       BIGINT        NOT NULL,
    posting_mark        BIGINT        NOT NULL,
    ledger_mark         BIGINT        NOT NULL,
    -- the manifest, written in the import's own transaction (null: that transaction is not on disk)
    remit_file_id       BIGINT,
    payments            INT,
    payment_total       DECIMAL(15,2),
    posted_payments     INT,
    posted_total        DECIMAL(15,2),
    claims              BIGINT,
    claim_paid_total    DECIMAL(15,2),
    matched_claims      BIGINT,
    service_lines       BIGINT,
    adjustments         BIGINT,
    plb_items           BIGINT,
    decisions           BIGINT,
    postings            BIGINT,
    ledger_entries      BIGINT,
    ledger_cash         DECIMAL(15,2),
    ledger_net          DECIMAL(15,2),
    finished_at         TIMESTAMP WITH TIME ZONE,
    note                VARCHAR(1000),
    CONSTRAINT remit_import_state CHECK (state IN ('RUNNING', 'PUBLISHED', 'ABANDONED', 'REPAIRED', 'QUARANTINED'))
);
CREATE INDEX remit_import_state ON remit_import (state);
