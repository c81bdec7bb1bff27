-- 835 remittances (DOMAIN.md §2): one row per imported file, its payments (one per ST…SE), their
-- claims (loop 2100), service lines (2110), CAS adjustments, LQ remarks and PLB items.
-- Money is DECIMAL(15,2); enums by name. Text columns are wider than the X12 maxima so that a
-- sender's over-long value never fails the insert after the file passed its checks. PHI (patient names, member ids) lives only in remit_claim
-- and is never copied into logs, journal payloads or audit details.
-- Rows are written once by the import in one transaction; matching later sets matched_claim_id and
-- match_status, posting sets payment.status.

CREATE TABLE remit_file (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    sha256         CHAR(64)      NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    archived_path  VARCHAR(1000) NOT NULL,
    payment_count  INT           NOT NULL DEFAULT 0,
    claim_count    BIGINT        NOT NULL DEFAULT 0,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT remit_file_sha256_unique UNIQUE (sha256)
);

CREATE TABLE payment (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    remit_file_id           BIGINT        NOT NULL REFERENCES remit_file (id),
    seq                     INT           NOT NULL,
    interchange_control     VARCHAR(9)    NOT NULL,
    group_control           VARCHAR(30)   NOT NULL,
    transaction_control     VARCHAR(30)   NOT NULL,
    payer_name              VARCHAR(255)  NOT NULL,
    payer_identifier        VARCHAR(80)   NOT NULL,
    trace_number            VARCHAR(80)   NOT NULL,
    amount                  DECIMAL(15,2) NOT NULL,
    credit_debit            CHAR(1)       NOT NULL,
    handling_code           CHAR(1)       NOT NULL,
    method                  VARCHAR(3)    NOT NULL,
    payment_format          VARCHAR(30),
    payment_date            DATE          NOT NULL,
    production_date         DATE,
    payee_name              VARCHAR(255),
    payee_id_qualifier      VARCHAR(30),
    payee_id                VARCHAR(80),
    payee_npi               VARCHAR(80),
    payee_ncpdp             VARCHAR(80),
    payee_tax_id            VARCHAR(80),
    claim_count             INT           NOT NULL DEFAULT 0,
    status                  VARCHAR(20)   NOT NULL DEFAULT 'IMPORTED',
    CONSTRAINT payment_file_seq_unique UNIQUE (remit_file_id, seq)
);
-- duplicate detection: the same payment re-sent in a new envelope (ARCHITECTURE.md rule 4)
CREATE INDEX payment_trace ON payment (trace_number, amount);

CREATE TABLE remit_claim (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id                  BIGINT        NOT NULL REFERENCES payment (id),
    seq                         INT           NOT NULL,
    lx_number                   VARCHAR(30)   NOT NULL,
    patient_control_number      VARCHAR(80)   NOT NULL,
    status_code                 VARCHAR(2)    NOT NULL,
    charge_amount               DECIMAL(15,2) NOT NULL,
    paid_amount                 DECIMAL(15,2) NOT NULL,
    patient_responsibility      DECIMAL(15,2),
    filing_indicator            VARCHAR(30),
    payer_claim_control_number  VARCHAR(80),
    facility_type_code          VARCHAR(30),
    frequency_code              VARCHAR(30),
    patient_last_name           VARCHAR(255),
    patient_first_name          VARCHAR(255),
    member_id                   VARCHAR(80),
    service_date                DATE,
    service_date_to             DATE,
    received_date               DATE,
    ndc                         VARCHAR(80),
    quantity                    DECIMAL(15,3),
    original_reference          VARCHAR(80),
    raw_segments                VARCHAR(1000000) NOT NULL,
    matched_claim_id            BIGINT        REFERENCES claim (id),
    match_status                VARCHAR(20)   NOT NULL DEFAULT 'UNMATCHED',
    -- seq is unique per payment by construction (the importer numbers claims); no UNIQUE index here:
    -- H2 would keep it beside the foreign-key index, one more index per row of a 100k-claim import
    CONSTRAINT remit_claim_seq_positive CHECK (seq > 0)
);
CREATE INDEX remit_claim_pcn ON remit_claim (patient_control_number);
CREATE INDEX remit_claim_payer_ccn ON remit_claim (payer_claim_control_number);

CREATE TABLE remit_service_line (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    remit_claim_id     BIGINT        NOT NULL REFERENCES remit_claim (id),
    seq                INT           NOT NULL,
    product_qualifier  VARCHAR(2)    NOT NULL,
    product_code       VARCHAR(80)   NOT NULL,
    modifiers          VARCHAR(255)  NOT NULL DEFAULT '',
    charge_amount      DECIMAL(15,2) NOT NULL,
    paid_amount        DECIMAL(15,2) NOT NULL,
    revenue_code       VARCHAR(80),
    units_paid         DECIMAL(15,3),
    original_product   VARCHAR(255),
    original_units     DECIMAL(15,3),
    service_date       DATE,
    -- seq unique per claim by construction, as for remit_claim
    CONSTRAINT remit_line_seq_positive CHECK (seq > 0)
);

-- CAS triplets; service_line_id is null for claim-level adjustments
CREATE TABLE remit_adjustment (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    remit_claim_id   BIGINT        NOT NULL REFERENCES remit_claim (id),
    service_line_id  BIGINT        REFERENCES remit_service_line (id),
    level            VARCHAR(5)    NOT NULL,
    seq              INT           NOT NULL,
    group_code       VARCHAR(2)    NOT NULL,
    reason_code      VARCHAR(30)   NOT NULL,
    amount           DECIMAL(15,2) NOT NULL,
    quantity         DECIMAL(15,3),
    CONSTRAINT remit_adjustment_level CHECK (level IN ('CLAIM', 'LINE')
        AND (level = 'CLAIM') = (service_line_id IS NULL))
);

-- LQ remarks: HE = RARC, RX = NCPDP reject/payment code
CREATE TABLE remit_remark (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    service_line_id  BIGINT        NOT NULL REFERENCES remit_service_line (id),
    seq              INT           NOT NULL,
    qualifier        VARCHAR(30)   NOT NULL,
    code             VARCHAR(80)   NOT NULL
);

-- PLB pairs; sign as sent: positive reduces the payment (DOMAIN.md §2.5)
CREATE TABLE plb_item (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    payment_id          BIGINT        NOT NULL REFERENCES payment (id),
    seq                 INT           NOT NULL,
    provider_id         VARCHAR(80)   NOT NULL,
    fiscal_period_date  DATE          NOT NULL,
    reason_code         VARCHAR(30)   NOT NULL,
    reference           VARCHAR(80),
    amount              DECIMAL(15,2) NOT NULL,
    CONSTRAINT plb_item_payment_seq_unique UNIQUE (payment_id, seq)
);
