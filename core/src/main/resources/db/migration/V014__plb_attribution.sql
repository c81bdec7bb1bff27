-- Hand attributions of PLB items to claims (issue 5; docs/posting.md "Attributing a PLB takeback by hand").
-- A person's decision that a provider-level adjustment (e.g. a WO recoupment whose reference names no
-- single claim) belongs to a claim. Append-only: the latest row of an item is the decision in force, and a
-- re-attribution is a new row. Posting a payment reads it, so an unpost and a re-post keep the attribution
-- in the posting batch itself instead of sending the item back to the exceptions queue.

CREATE TABLE plb_attribution (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plb_item_id     BIGINT        NOT NULL REFERENCES plb_item (id),
    claim_id        BIGINT        NOT NULL REFERENCES claim (id),
    reason          VARCHAR(1000) NOT NULL,
    attributed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attributed_by   VARCHAR(60)   NOT NULL
);
-- lookups by item use the foreign key's own index (one index per foreign key: ADR 0011)

CREATE TRIGGER plb_attribution_append_only BEFORE UPDATE, DELETE ON plb_attribution
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
