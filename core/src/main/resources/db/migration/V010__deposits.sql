-- Bank deposits (EFT credits, deposited checks) to pair with 835 payments by trace and amount
-- (DOMAIN.md §4.4). Append-only like the ledger: a deposit entered by mistake is voided by a row in
-- deposit_void, never changed or deleted.

CREATE TABLE deposit (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    deposit_date    DATE          NOT NULL,
    amount          DECIMAL(15,2) NOT NULL,
    trace_number    VARCHAR(80)   NOT NULL,
    method          VARCHAR(3)    NOT NULL,
    bank_reference  VARCHAR(80),
    note            VARCHAR(255),
    source          VARCHAR(255)  NOT NULL,
    entered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    entered_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT deposit_amount_positive CHECK (amount > 0)
);
CREATE INDEX deposit_trace ON deposit (trace_number, amount);

CREATE TABLE deposit_void (
    deposit_id  BIGINT PRIMARY KEY REFERENCES deposit (id),
    reason      VARCHAR(255) NOT NULL,
    voided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    voided_by   VARCHAR(60)  NOT NULL
);

CREATE TRIGGER deposit_append_only BEFORE UPDATE, DELETE ON deposit
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER deposit_void_append_only BEFORE UPDATE, DELETE ON deposit_void
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
