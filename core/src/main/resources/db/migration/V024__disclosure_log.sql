-- Issue 16 item 6: the accounting of disclosures. Every disclosure of patient data that leaves the office
-- (a desk-audit packet, an EOB printout, a report naming patients) is one row: who, when, what, to whom, and
-- which patients (internal patient ids, never names). Append-only like the audit trail.
CREATE TABLE disclosure (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    disclosed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name      VARCHAR(60)  NOT NULL,
    workstation    VARCHAR(120) NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    recipient      VARCHAR(200) NOT NULL,
    reference      VARCHAR(120) NOT NULL,
    patient_count  INT          NOT NULL,
    patient_ids    CLOB         NOT NULL,   -- sorted, comma-separated patient ids
    CONSTRAINT disclosure_kind CHECK (kind IN ('AUDIT_PACKET', 'EOB', 'REPORT'))
);
CREATE INDEX disclosure_at ON disclosure (disclosed_at);
CREATE TRIGGER disclosure_append_only BEFORE UPDATE, DELETE ON disclosure
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
