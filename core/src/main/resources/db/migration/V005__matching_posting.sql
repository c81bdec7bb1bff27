-- Matching and posting of 835 remittances (issue 5; docs/posting.md, docs/adr/0007-posting-model.md).
-- match_decision and remit_posting are append-only (triggers below): the current match of a remittance
-- claim is remit_claim.matched_claim_id / match_status, and every decision that set it is kept here with
-- its explanation. The ledger entries of a posting are found through remit_posting.batch_id.

-- Per-payer settings, keyed by the payer name as sent in N1*PR (upper case). No row = defaults:
-- automatic posting and the default CLP01 patterns.
CREATE TABLE payer_remit_setting (
    payer_name      VARCHAR(255)  PRIMARY KEY,
    posting_mode    VARCHAR(20)   NOT NULL DEFAULT 'AUTOMATIC',
    clp01_patterns  VARCHAR(4000) NOT NULL DEFAULT '',
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT payer_remit_setting_mode CHECK (posting_mode IN ('AUTOMATIC', 'REVIEW_FIRST'))
);

-- Every match decision: automatic (with the keys that agreed/disagreed and the candidates) or manual
-- (with the clerk's reason). JSON columns hold the key checks and the ranked candidates.
CREATE TABLE match_decision (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    remit_claim_id         BIGINT        NOT NULL REFERENCES remit_claim (id),
    action                 VARCHAR(20)   NOT NULL,
    verdict                VARCHAR(20)   NOT NULL,
    match_status           VARCHAR(20)   NOT NULL,
    claim_id               BIGINT,
    score                  INT,
    confidence             DECIMAL(3,2),
    explanation            VARCHAR(4000) NOT NULL,
    checks                 VARCHAR(100000),
    candidates             VARCHAR(1000000),
    linked_remit_claim_id  BIGINT,
    link_kind              VARCHAR(20),
    reason                 VARCHAR(1000),
    decided_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by             VARCHAR(60)   NOT NULL,
    CONSTRAINT match_decision_action CHECK (action IN ('AUTO', 'MANUAL_MATCH', 'MANUAL_UNMATCH')),
    CONSTRAINT match_decision_confidence CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1)
);
CREATE INDEX match_decision_claim ON match_decision (claim_id);

-- One row per ledger batch written for a payment: POST (whole payment), UNPOST (reversing batch),
-- ADJUST (a re-posted claim after a manual match on a posted payment). cash = the batch's net PAYER_CASH.
CREATE TABLE remit_posting (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id  BIGINT        NOT NULL REFERENCES payment (id),
    batch_id    UUID          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    cash        DECIMAL(15,2) NOT NULL,
    reason      VARCHAR(1000),
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_by   VARCHAR(60)   NOT NULL,
    CONSTRAINT remit_posting_kind CHECK (kind IN ('POST', 'UNPOST', 'ADJUST')),
    CONSTRAINT remit_posting_batch_unique UNIQUE (batch_id)
);

-- named, so that matching can look up earlier payments of many claims at once with USE INDEX
-- (the foreign key's own index has a generated name)
CREATE INDEX remit_claim_matched ON remit_claim (matched_claim_id);

CREATE TRIGGER match_decision_append_only BEFORE UPDATE, DELETE ON match_decision
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER remit_posting_append_only BEFORE UPDATE, DELETE ON remit_posting
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
