-- RxLedger foundation schema.
-- Money columns are DECIMAL(15,2); enums are stored by name; every table has a surrogate key.
-- ledger_entry, journal_event and audit_record are append-only: application code has no UPDATE or
-- DELETE path for them, and the triggers at the end of this file refuse both.

CREATE TABLE pharmacy (
    id          INT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    npi         CHAR(10)     NOT NULL,
    ncpdp_id    CHAR(7)      NOT NULL,
    address     VARCHAR(120),
    city        VARCHAR(60),
    state       CHAR(2),
    zip         VARCHAR(10),
    phone       VARCHAR(20),
    CONSTRAINT pharmacy_single_row CHECK (id = 1)
);

CREATE TABLE payer (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(120) NOT NULL,
    payer_identifier  VARCHAR(30),
    CONSTRAINT payer_name_unique UNIQUE (name)
);

CREATE TABLE plan (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    payer_id  BIGINT       NOT NULL REFERENCES payer (id),
    name      VARCHAR(120) NOT NULL,
    bin       CHAR(6)      NOT NULL,
    pcn       VARCHAR(10)  NOT NULL DEFAULT '',
    group_id  VARCHAR(15)  NOT NULL DEFAULT '',
    CONSTRAINT plan_routing_unique UNIQUE (bin, pcn, group_id)
);

CREATE TABLE patient (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    first_name     VARCHAR(60) NOT NULL,
    last_name      VARCHAR(60) NOT NULL,
    date_of_birth  DATE        NOT NULL,
    gender         VARCHAR(12) NOT NULL DEFAULT 'UNSPECIFIED',
    CONSTRAINT patient_identity_unique UNIQUE (last_name, first_name, date_of_birth)
);

CREATE TABLE prescriber (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    npi         CHAR(10)    NOT NULL,
    dea         VARCHAR(20),
    last_name   VARCHAR(60) NOT NULL,
    first_name  VARCHAR(60) NOT NULL DEFAULT '',
    CONSTRAINT prescriber_npi_unique UNIQUE (npi)
);

CREATE TABLE drug (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    ndc              CHAR(11)     NOT NULL,
    ndc_native       VARCHAR(13),
    name             VARCHAR(120) NOT NULL,
    strength         VARCHAR(40)  NOT NULL DEFAULT '',
    form             VARCHAR(40)  NOT NULL DEFAULT '',
    package_size     VARCHAR(40)  NOT NULL DEFAULT '',
    unit_of_measure  VARCHAR(2)   NOT NULL DEFAULT 'EA',
    brand            BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT drug_ndc_unique UNIQUE (ndc)
);

-- One row per adjudicated submission (B1, or the new half of a B3). A reversal (B2) does not
-- delete: it sets lifecycle = REVERSED (audited) and writes reversing ledger entries.
CREATE TABLE claim (
    id                         BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid                       UUID          NOT NULL,
    rx_number                  VARCHAR(12)   NOT NULL,
    fill_number                INT           NOT NULL,
    date_of_service            DATE          NOT NULL,
    date_written               DATE,
    transaction_code           CHAR(2)       NOT NULL DEFAULT 'B1',
    patient_id                 BIGINT        NOT NULL REFERENCES patient (id),
    plan_id                    BIGINT        NOT NULL REFERENCES plan (id),
    bin                        CHAR(6)       NOT NULL,
    pcn                        VARCHAR(10)   NOT NULL DEFAULT '',
    group_id                   VARCHAR(15)   NOT NULL DEFAULT '',
    cardholder_id              VARCHAR(20)   NOT NULL,
    person_code                VARCHAR(3)    NOT NULL DEFAULT '',
    relationship_code          CHAR(1)       NOT NULL DEFAULT '0',
    prescriber_id              BIGINT        NOT NULL REFERENCES prescriber (id),
    drug_id                    BIGINT        NOT NULL REFERENCES drug (id),
    ndc                        CHAR(11)      NOT NULL,
    quantity                   DECIMAL(12,3) NOT NULL,
    days_supply                INT           NOT NULL,
    daw                        CHAR(1)       NOT NULL DEFAULT '0',
    scc_codes                  VARCHAR(8)    NOT NULL DEFAULT '',
    other_coverage_code        CHAR(1)       NOT NULL DEFAULT '0',
    ingredient_cost_submitted  DECIMAL(15,2) NOT NULL,
    dispensing_fee_submitted   DECIMAL(15,2) NOT NULL,
    usual_and_customary        DECIMAL(15,2) NOT NULL,
    gross_amount_due           DECIMAL(15,2) NOT NULL,
    response_status            CHAR(1)       NOT NULL,
    reject_codes               VARCHAR(30)   NOT NULL DEFAULT '',
    authorization_number       VARCHAR(20),
    patient_pay_amount         DECIMAL(15,2) NOT NULL DEFAULT 0,
    ingredient_cost_paid       DECIMAL(15,2),
    dispensing_fee_paid        DECIMAL(15,2),
    plan_paid_amount           DECIMAL(15,2) NOT NULL DEFAULT 0,
    channel                    VARCHAR(12)   NOT NULL DEFAULT 'ELECTRONIC',
    patient_pay_collected      BOOLEAN       NOT NULL DEFAULT FALSE,
    lifecycle                  VARCHAR(12)   NOT NULL DEFAULT 'ACTIVE',
    replaces_claim_id          BIGINT        REFERENCES claim (id),
    source                     VARCHAR(12)   NOT NULL,
    adjudicated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                 VARCHAR(60)   NOT NULL,
    CONSTRAINT claim_uuid_unique UNIQUE (uuid),
    CONSTRAINT claim_fill_range CHECK (fill_number BETWEEN 0 AND 99),
    CONSTRAINT claim_days_supply_range CHECK (days_supply BETWEEN 0 AND 999),
    CONSTRAINT claim_quantity_positive CHECK (quantity > 0)
);
CREATE INDEX claim_rx_fill ON claim (rx_number, fill_number);
CREATE INDEX claim_dos ON claim (date_of_service);
CREATE INDEX claim_authorization ON claim (authorization_number);
CREATE INDEX claim_patient ON claim (patient_id);

-- Double-entry ledger: the entries of one batch sum to zero. Append-only.
CREATE TABLE ledger_entry (
    seq                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    entry_id            UUID          NOT NULL,
    batch_id            UUID          NOT NULL,
    account             VARCHAR(40)   NOT NULL,
    amount              DECIMAL(15,2) NOT NULL,
    claim_id            BIGINT        REFERENCES claim (id),
    patient_id          BIGINT        REFERENCES patient (id),
    payer_id            BIGINT        REFERENCES payer (id),
    source_type         VARCHAR(40)   NOT NULL,
    source_id           VARCHAR(80)   NOT NULL,
    memo                VARCHAR(200)  NOT NULL DEFAULT '',
    reverses_entry_id   UUID,
    effective_date      DATE          NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(60)   NOT NULL,
    CONSTRAINT ledger_entry_id_unique UNIQUE (entry_id)
);
CREATE INDEX ledger_claim ON ledger_entry (claim_id);
CREATE INDEX ledger_batch ON ledger_entry (batch_id);
CREATE INDEX ledger_account ON ledger_entry (account);

-- Outbox of domain events for sync with central services; applied once per event_id there.
CREATE TABLE journal_event (
    seq          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id     UUID         NOT NULL,
    event_type   VARCHAR(60)  NOT NULL,
    payload      CLOB         NOT NULL,
    user_name    VARCHAR(60)  NOT NULL,
    workstation  VARCHAR(120) NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT journal_event_id_unique UNIQUE (event_id)
);

-- Who did what to which record, when (HIPAA audit controls, DOMAIN.md §9.1). Append-only.
CREATE TABLE audit_record (
    seq          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name    VARCHAR(60)  NOT NULL,
    workstation  VARCHAR(120) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    entity_type  VARCHAR(40)  NOT NULL,
    entity_id    VARCHAR(80)  NOT NULL,
    detail       CLOB         NOT NULL
);
CREATE INDEX audit_entity ON audit_record (entity_type, entity_id);

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE, DELETE ON ledger_entry
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER journal_event_append_only BEFORE UPDATE, DELETE ON journal_event
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- Sync progress is kept apart so that journal_event itself never changes.
CREATE TABLE journal_sync (
    event_id   UUID PRIMARY KEY,
    target     VARCHAR(60) NOT NULL,
    synced_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
