-- Charge entry (issue 3): the reject follow-up work queue.
-- One row per rejected adjudication (UNIQUE claim_id). The reject family, the code's meaning and the
-- typical fix are not stored: they come from the NCPDP reject code table (reference data that changes
-- quarterly), keyed by the claim's first reject code. Statuses are stored by name.
CREATE TABLE reject_followup (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id              BIGINT       NOT NULL REFERENCES claim (id),
    owner                 VARCHAR(60),
    due_date              DATE         NOT NULL,
    status                VARCHAR(12)  NOT NULL DEFAULT 'OPEN',
    note                  VARCHAR(400) NOT NULL DEFAULT '',
    resolved_by_claim_id  BIGINT       REFERENCES claim (id),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(60)  NOT NULL,
    CONSTRAINT reject_followup_claim_unique UNIQUE (claim_id),
    CONSTRAINT reject_followup_status_known CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'))
);
CREATE INDEX reject_followup_status_due ON reject_followup (status, due_date);

-- Rejected claims stored before this migration join the queue: open when still active, closed otherwise.
INSERT INTO reject_followup (claim_id, owner, due_date, status, note, resolved_by_claim_id, created_at, updated_at, updated_by)
SELECT id, NULL, DATEADD('DAY', 3, CAST(created_at AS DATE)),
       CASE WHEN lifecycle = 'ACTIVE' THEN 'OPEN' ELSE 'CLOSED' END, '', NULL, created_at, created_at, created_by
FROM claim WHERE response_status = 'R';
