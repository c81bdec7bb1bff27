-- MFP refund receivable (issue 24, docs/adr/0023-mfp-refunds-apart-from-plan-receivables.md): a refund the
-- pharmacy gives up on (a manufacturer refused it, the dispute window closed) is written off by one row here
-- and one ledger batch (source MFP_WRITE_OFF) that closes the refund receivable. Append-only like every MFP table.
CREATE TABLE mfp_write_off (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id    BIGINT        NOT NULL REFERENCES claim (id),
    amount      DECIMAL(15,2) NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by  VARCHAR(60)   NOT NULL,
    CONSTRAINT mfp_write_off_positive CHECK (amount > 0)
);
CREATE TRIGGER mfp_write_off_append_only BEFORE UPDATE, DELETE ON mfp_write_off
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
