-- Contracts and underpayments (issue 22; docs/contracts.md, docs/adr/0031-contract-pricing-model.md).
-- Every table is append-only: a contract changes by a new version (a later effective_from), a price list by a
-- new import, a notice is acknowledged by a row of its own.

-- One version of a payer's contract terms for a BIN + PCN (+ group) of the payer directory ('' = any), in force
-- from effective_from until a later version of the same contract and routing. Percents are signed adjustments
-- of the basis (AWP - 17 % is -17.000); fees are per claim.
CREATE TABLE contract_version (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    contract_name         VARCHAR(120)  NOT NULL,
    payer_id              BIGINT        NOT NULL REFERENCES directory_payer (id),
    bin                   CHAR(6)       NOT NULL,
    pcn                   VARCHAR(10)   NOT NULL DEFAULT '',
    group_id              VARCHAR(15)   NOT NULL DEFAULT '',
    effective_from        DATE          NOT NULL,
    brand_basis           VARCHAR(5)    NOT NULL,
    brand_percent         DECIMAL(7,3)  NOT NULL,
    brand_fee             DECIMAL(15,2) NOT NULL,
    generic_basis         VARCHAR(5)    NOT NULL,
    generic_percent       DECIMAL(7,3)  NOT NULL,
    generic_fee           DECIMAL(15,2) NOT NULL,
    mac_list              VARCHAR(60)   NOT NULL DEFAULT '',
    lesser_of_uc          BOOLEAN       NOT NULL,
    transaction_fee       DECIMAL(15,2) NOT NULL,
    post_adj_fee_percent  DECIMAL(7,3)  NOT NULL,
    post_adj_fee_flat     DECIMAL(15,2) NOT NULL,
    import_id             UUID          NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    imported_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by           VARCHAR(60)   NOT NULL,
    CONSTRAINT contract_version_basis CHECK (brand_basis IN ('AWP', 'WAC', 'NADAC', 'MAC')
                                             AND generic_basis IN ('AWP', 'WAC', 'NADAC', 'MAC')),
    CONSTRAINT contract_version_fees CHECK (brand_fee >= 0 AND generic_fee >= 0 AND transaction_fee >= 0
                                            AND post_adj_fee_percent >= 0 AND post_adj_fee_flat >= 0)
);
CREATE TRIGGER contract_version_append_only BEFORE UPDATE, DELETE ON contract_version
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- One imported price file: MAC (per list), NADAC, AWP, WAC or wholesaler invoices.
CREATE TABLE price_import (
    id           UUID          PRIMARY KEY,
    kind         VARCHAR(7)    NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    row_count    INT           NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by  VARCHAR(60)   NOT NULL,
    CONSTRAINT price_import_kind CHECK (kind IN ('MAC', 'NADAC', 'AWP', 'WAC', 'INVOICE'))
);
CREATE TRIGGER price_import_append_only BEFORE UPDATE, DELETE ON price_import
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- Unit prices (5 decimals, as published). For a date the row whose range covers it with the latest
-- effective_from wins, among equal starts the later import. list_name is the MAC list ('' for the others).
-- No foreign key to price_import: 300,000-row files import as one batch (ADR 0011).
CREATE TABLE drug_price (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(5)    NOT NULL,
    list_name       VARCHAR(60)   NOT NULL DEFAULT '',
    ndc             CHAR(11)      NOT NULL,
    unit_price      DECIMAL(15,5) NOT NULL,
    effective_from  DATE          NOT NULL,
    effective_to    DATE,
    pricing_unit    VARCHAR(2)    NOT NULL DEFAULT '',
    import_id       UUID          NOT NULL,
    CONSTRAINT drug_price_kind CHECK (kind IN ('MAC', 'NADAC', 'AWP', 'WAC')),
    CONSTRAINT drug_price_range CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT drug_price_not_negative CHECK (unit_price >= 0)
);
CREATE INDEX drug_price_ndc ON drug_price (ndc, kind);
CREATE TRIGGER drug_price_append_only BEFORE UPDATE, DELETE ON drug_price
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- What the pharmacy paid its wholesaler: one invoice line (cost for quantity units of the NDC).
CREATE TABLE acquisition_cost (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ndc           CHAR(11)      NOT NULL,
    invoice_date  DATE          NOT NULL,
    quantity      DECIMAL(12,3) NOT NULL,
    cost          DECIMAL(15,2) NOT NULL,
    import_id     UUID          NOT NULL,
    CONSTRAINT acquisition_cost_positive CHECK (quantity > 0 AND cost >= 0)
);
CREATE INDEX acquisition_cost_ndc ON acquisition_cost (ndc, invoice_date);
CREATE TRIGGER acquisition_cost_append_only BEFORE UPDATE, DELETE ON acquisition_cost
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- What a new contract version or MAC list would have done to the last 90 days of claims, shown in the
-- workstation until someone acknowledges it.
CREATE TABLE contract_notice (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(8)     NOT NULL,
    subject      VARCHAR(200)   NOT NULL,
    summary      VARCHAR(4000)  NOT NULL,
    claims       INT            NOT NULL,
    impact       DECIMAL(15,2)  NOT NULL,
    window_from  DATE           NOT NULL,
    window_to    DATE           NOT NULL,
    import_id    UUID           NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(60)    NOT NULL,
    CONSTRAINT contract_notice_kind CHECK (kind IN ('CONTRACT', 'MAC'))
);
CREATE TRIGGER contract_notice_append_only BEFORE UPDATE, DELETE ON contract_notice
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

CREATE TABLE contract_notice_ack (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    notice_id        BIGINT        NOT NULL REFERENCES contract_notice (id),
    acknowledged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by  VARCHAR(60)   NOT NULL
);
CREATE TRIGGER contract_notice_ack_append_only BEFORE UPDATE, DELETE ON contract_notice_ack
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
