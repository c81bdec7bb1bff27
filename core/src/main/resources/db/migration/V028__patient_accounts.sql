-- Issue 18: patient accounts, collections and write-offs. The balances themselves are never stored: they are
-- sums of PATIENT_RECEIVABLE ledger entries (docs/adr/0022-patient-accounts-on-the-ledger.md). These tables hold
-- what the ledger cannot: which house-charge account a fill is billed to, the payments and refunds behind the
-- ledger batches, holds, statements sent, write-off recommendations and their decisions. All are append-only
-- except the two settings tables.

-- A fill billed to a house-charge account (an LTC facility, a family) instead of the patient's own account.
CREATE TABLE claim_charge_account (
    claim_id      BIGINT       NOT NULL PRIMARY KEY REFERENCES claim (id),
    account_code  VARCHAR(40)  NOT NULL
);
CREATE INDEX claim_charge_account_code ON claim_charge_account (account_code);

-- A payment received on an account, or a refund of a credit; its ledger batch carries the money.
CREATE TABLE patient_payment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key  VARCHAR(50)   NOT NULL,
    kind         VARCHAR(10)   NOT NULL,
    method       VARCHAR(10)   NOT NULL,
    amount       DECIMAL(15,2) NOT NULL,
    reference    VARCHAR(60)   NOT NULL DEFAULT '',
    received_on  DATE          NOT NULL,
    batch_id     UUID          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(60)   NOT NULL,
    CONSTRAINT patient_payment_kind CHECK (kind IN ('PAYMENT', 'REFUND')),
    CONSTRAINT patient_payment_method CHECK (method IN ('COUNTER', 'PHONE', 'MAIL', 'CARD')),
    CONSTRAINT patient_payment_positive CHECK (amount > 0)
);
CREATE INDEX patient_payment_account ON patient_payment (account_key);

-- Holds are placed and released by events; a hold is active while its last event is PLACED.
CREATE TABLE account_hold_event (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key   VARCHAR(50)  NOT NULL,
    hold_kind     VARCHAR(30)  NOT NULL,
    action        VARCHAR(10)  NOT NULL,
    note          VARCHAR(200) NOT NULL DEFAULT '',
    effective_on  DATE         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(60)  NOT NULL,
    CONSTRAINT account_hold_action CHECK (action IN ('PLACED', 'RELEASED'))
);
CREATE INDEX account_hold_event_account ON account_hold_event (account_key);

-- One row per statement sent; number 4 (by default) is the final notice.
CREATE TABLE account_statement (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key   VARCHAR(50)   NOT NULL,
    statement_no  INT           NOT NULL,
    sent_on       DATE          NOT NULL,
    amount_due    DECIMAL(15,2) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT account_statement_unique UNIQUE (account_key, statement_no)
);

CREATE TABLE write_off_recommendation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key  VARCHAR(50)    NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    amount       DECIMAL(15,2)  NOT NULL,
    tier         VARCHAR(20)    NOT NULL,
    explanation  VARCHAR(1000)  NOT NULL,
    as_of        DATE           NOT NULL,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    proposed_by  VARCHAR(60)    NOT NULL,
    CONSTRAINT write_off_positive CHECK (amount > 0)
);
CREATE INDEX write_off_recommendation_account ON write_off_recommendation (account_key);

-- The fills a recommendation writes off and how much of each, fixed when it was made.
CREATE TABLE write_off_item (
    recommendation_id  BIGINT        NOT NULL REFERENCES write_off_recommendation (id),
    claim_id           BIGINT        NOT NULL,
    amount             DECIMAL(15,2) NOT NULL,
    CONSTRAINT write_off_item_pk PRIMARY KEY (recommendation_id, claim_id)
);
CREATE INDEX write_off_item_claim ON write_off_item (claim_id);
-- added after its index so that H2 uses that index instead of making a second one (IndexLayoutTest)
ALTER TABLE write_off_item ADD CONSTRAINT write_off_item_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id);

CREATE TABLE write_off_decision (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    recommendation_id  BIGINT       NOT NULL,
    decision           VARCHAR(10)  NOT NULL,
    reason             VARCHAR(500) NOT NULL DEFAULT '',
    batch_id           UUID,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         VARCHAR(60)  NOT NULL,
    CONSTRAINT write_off_decision_kind CHECK (decision IN ('APPROVED', 'REJECTED', 'REVERSED'))
);
CREATE INDEX write_off_decision_recommendation ON write_off_decision (recommendation_id);
ALTER TABLE write_off_decision ADD CONSTRAINT write_off_decision_recommendation_fk
    FOREIGN KEY (recommendation_id) REFERENCES write_off_recommendation (id);

-- Office settings of collections (thresholds, approval limits); a missing row means the default.
CREATE TABLE collection_setting (
    name           VARCHAR(60) NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(60) NOT NULL
);

-- Plans of federal health-care programs (Medicare Part D, Medicaid, ...): their patients' cost sharing is never
-- waived routinely (DOMAIN.md §6.3, anti-kickback statute; 42 CFR 1001.952(k)(3)).
CREATE TABLE federal_program_plan (
    plan_id  BIGINT      NOT NULL PRIMARY KEY REFERENCES plan (id),
    program  VARCHAR(20) NOT NULL
);

CREATE TRIGGER claim_charge_account_append_only BEFORE UPDATE, DELETE ON claim_charge_account
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER patient_payment_append_only BEFORE UPDATE, DELETE ON patient_payment
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER account_hold_event_append_only BEFORE UPDATE, DELETE ON account_hold_event
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER account_statement_append_only BEFORE UPDATE, DELETE ON account_statement
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER write_off_recommendation_append_only BEFORE UPDATE, DELETE ON write_off_recommendation
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER write_off_item_append_only BEFORE UPDATE, DELETE ON write_off_item
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER write_off_decision_append_only BEFORE UPDATE, DELETE ON write_off_decision
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
