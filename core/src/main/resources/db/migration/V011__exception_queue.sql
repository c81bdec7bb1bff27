-- The exceptions work queue (issue 5; docs/exceptions.md). The items themselves are derived from the
-- remittance, matching and ledger tables every time the queue is read, keyed by a stable text key
-- (category + remit claim, claim or PLB item id). What people do to an item — assign an owner, resolve
-- it with a note, reopen it — is kept here, append-only: the current owner and status of an item are
-- those of its latest actions. An item whose cause disappears leaves the queue by itself; its actions stay.

CREATE TABLE exception_action (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_key   VARCHAR(80)   NOT NULL,
    action     VARCHAR(10)   NOT NULL,
    owner      VARCHAR(60),
    note       VARCHAR(2000),
    acted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    acted_by   VARCHAR(60)   NOT NULL,
    CONSTRAINT exception_action_kind CHECK (action IN ('ASSIGN', 'RESOLVE', 'REOPEN')),
    CONSTRAINT exception_action_owner CHECK (action <> 'ASSIGN' OR owner IS NOT NULL),
    CONSTRAINT exception_action_note CHECK (action <> 'RESOLVE' OR note IS NOT NULL)
);
CREATE INDEX exception_action_key ON exception_action (item_key);

CREATE TRIGGER exception_action_append_only BEFORE UPDATE, DELETE ON exception_action
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
