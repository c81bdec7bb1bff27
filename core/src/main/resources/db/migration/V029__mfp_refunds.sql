-- Medicare MFP refunds (issue 24; docs/mfp.md, docs/adr/0023-mfp-refunds-apart-from-plan-receivables.md).
-- Every table is append-only: a price list is versioned by effective date and import, a Part D routing, an MTF
-- payer or a manufacturer's own amount is superseded by a later row, a dispute moves on by events.

-- The selected drugs' prices per unit (5 decimals, as published); for a date the row whose range covers it
-- with the latest effective_from wins, and among equal starts the later import.
CREATE TABLE mfp_price (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    ndc             CHAR(11)      NOT NULL,
    mfp_per_unit    DECIMAL(15,5) NOT NULL,
    wac_per_unit    DECIMAL(15,5) NOT NULL,
    effective_from  DATE          NOT NULL,
    effective_to    DATE,
    manufacturer    VARCHAR(120)  NOT NULL,
    import_id       UUID          NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by     VARCHAR(60)   NOT NULL,
    CONSTRAINT mfp_price_range CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT mfp_price_not_negative CHECK (mfp_per_unit >= 0 AND wac_per_unit >= mfp_per_unit)
);
CREATE INDEX mfp_price_ndc ON mfp_price (ndc, effective_from);
CREATE TRIGGER mfp_price_append_only BEFORE UPDATE, DELETE ON mfp_price
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- Which claims are Medicare Part D: Part D sponsors bill under their own BIN + PCN (+ group), so a claim is Part D
-- when the most specific routing here that covers it (PCN / group '' = any) says so; the latest row of a routing
-- decides (active = FALSE takes it back).
CREATE TABLE mfp_part_d_routing (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    bin        CHAR(6)       NOT NULL,
    pcn        VARCHAR(10)   NOT NULL DEFAULT '',
    group_id   VARCHAR(15)   NOT NULL DEFAULT '',
    active     BOOLEAN       NOT NULL,
    reason     VARCHAR(500)  NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by     VARCHAR(60)   NOT NULL
);
CREATE INDEX mfp_part_d_routing_bin ON mfp_part_d_routing (bin);
CREATE TRIGGER mfp_part_d_routing_append_only BEFORE UPDATE, DELETE ON mfp_part_d_routing
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- Which directory payers' 835s are MFP refunds (the Medicare Transaction Facilitator, or a manufacturer paying
-- directly); the latest row per payer decides.
CREATE TABLE mfp_refund_payer (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    payer_id   BIGINT        NOT NULL REFERENCES directory_payer (id),
    active     BOOLEAN       NOT NULL,
    reason     VARCHAR(500)  NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by     VARCHAR(60)   NOT NULL
);
CREATE TRIGGER mfp_refund_payer_append_only BEFORE UPDATE, DELETE ON mfp_refund_payer
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A claim kept out of the pharmacy refund flow (340B, direct member reimbursement, MTF "coordinate with
-- plan" codes 011-013, other) or let back in (excluded = FALSE); the latest row per claim decides.
CREATE TABLE mfp_exclusion (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id   BIGINT        NOT NULL REFERENCES claim (id),
    excluded   BOOLEAN       NOT NULL,
    reason     VARCHAR(30)   NOT NULL,
    note       VARCHAR(500)  NOT NULL DEFAULT '',
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by     VARCHAR(60)   NOT NULL
);
CREATE TRIGGER mfp_exclusion_append_only BEFORE UPDATE, DELETE ON mfp_exclusion
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A manufacturer's own refund amount for a claim, replacing the standard default; the latest row decides.
CREATE TABLE mfp_manufacturer_amount (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id   BIGINT        NOT NULL REFERENCES claim (id),
    amount     DECIMAL(15,2) NOT NULL,
    note       VARCHAR(500)  NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by     VARCHAR(60)   NOT NULL,
    CONSTRAINT mfp_manufacturer_amount_not_negative CHECK (amount >= 0)
);
CREATE TRIGGER mfp_manufacturer_amount_append_only BEFORE UPDATE, DELETE ON mfp_manufacturer_amount
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A refund received: one MTF claim payment tied to the fill it pays. One row per remit claim at most.
CREATE TABLE mfp_refund_receipt (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id        BIGINT        NOT NULL REFERENCES claim (id),
    remit_claim_id  BIGINT        NOT NULL,
    kind            VARCHAR(12)   NOT NULL,
    amount          DECIMAL(15,2) NOT NULL,
    paid_on         DATE          NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(60)   NOT NULL,
    CONSTRAINT mfp_refund_receipt_kind CHECK (kind IN ('ORIGINAL', 'ADJUSTMENT', 'REVERSAL')),
    CONSTRAINT mfp_refund_receipt_once UNIQUE (remit_claim_id),
    CONSTRAINT mfp_refund_receipt_remit_claim_fk FOREIGN KEY (remit_claim_id) REFERENCES remit_claim (id)
);
CREATE TRIGGER mfp_refund_receipt_append_only BEFORE UPDATE, DELETE ON mfp_refund_receipt
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- A dispute of a missing or short refund, and its steps (SUBMITTED, RESOLVED with the amount agreed,
-- WITHDRAWN); its status is its latest event, OPEN without one.
CREATE TABLE mfp_dispute (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id   BIGINT        NOT NULL REFERENCES claim (id),
    reason     VARCHAR(30)   NOT NULL,
    notes      VARCHAR(2000) NOT NULL DEFAULT '',
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by  VARCHAR(60)   NOT NULL
);
CREATE TRIGGER mfp_dispute_append_only BEFORE UPDATE, DELETE ON mfp_dispute
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

CREATE TABLE mfp_dispute_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    dispute_id  BIGINT        NOT NULL REFERENCES mfp_dispute (id),
    status      VARCHAR(10)   NOT NULL,
    amount      DECIMAL(15,2),
    note        VARCHAR(2000) NOT NULL DEFAULT '',
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user     VARCHAR(60)   NOT NULL,
    CONSTRAINT mfp_dispute_event_status CHECK (status IN ('SUBMITTED', 'RESOLVED', 'WITHDRAWN'))
);
CREATE TRIGGER mfp_dispute_event_append_only BEFORE UPDATE, DELETE ON mfp_dispute_event
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
