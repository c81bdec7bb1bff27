-- Payer directory (issue 14; docs/matching.md "Payer directory"): who a payer (PBM or plan) is, how its
-- 835s name it (TRN03, N1*PR N104 / REF*2U, the N1*PR name as sent) and which BIN + PCN (+ group)
-- routings it adjudicates. Claims resolve to a payer by routing (most specific wins), payments by identity.
-- A merged payer stays, pointing at its survivor; every change is journalled and audited.

CREATE TABLE directory_payer (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(120)  NOT NULL,
    merged_into_id  BIGINT        REFERENCES directory_payer (id),
    merged_at       TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(60)   NOT NULL
);
CREATE INDEX directory_payer_name ON directory_payer (name);

-- kind: TRN03 (payer id, often 1 + EIN), N104 (N1*PR N104 or REF*2U), NAME (N1*PR N102 upper case, trimmed)
CREATE TABLE directory_identity (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    payer_id  BIGINT        NOT NULL REFERENCES directory_payer (id),
    kind      VARCHAR(10)   NOT NULL,
    id_value  VARCHAR(255)  NOT NULL,
    CONSTRAINT directory_identity_kind CHECK (kind IN ('TRN03', 'N104', 'NAME')),
    CONSTRAINT directory_identity_unique UNIQUE (kind, id_value)
);

-- pcn / group_id '' = any: a BIN-only routing covers every PCN of the BIN
CREATE TABLE directory_routing (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    payer_id   BIGINT        NOT NULL REFERENCES directory_payer (id),
    bin        CHAR(6)       NOT NULL,
    pcn        VARCHAR(10)   NOT NULL DEFAULT '',
    group_id   VARCHAR(15)   NOT NULL DEFAULT '',
    source     VARCHAR(10)   NOT NULL,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by  VARCHAR(60)   NOT NULL,
    CONSTRAINT directory_routing_source CHECK (source IN ('MANUAL', 'IMPORT', 'LEARNED', 'SEED')),
    CONSTRAINT directory_routing_unique UNIQUE (bin, pcn, group_id)
);

-- Learned links (append-only): a payment whose claim payments matched claims of a routing without a payer
-- proposes routing -> payer; APPLIED when the majority was clear, PROPOSED when a person should decide.
CREATE TABLE directory_link_proposal (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    bin          CHAR(6)       NOT NULL,
    pcn          VARCHAR(10)   NOT NULL DEFAULT '',
    payer_id     BIGINT        REFERENCES directory_payer (id),
    payer_name   VARCHAR(255)  NOT NULL,
    payment_id   BIGINT        NOT NULL REFERENCES payment (id),
    lines        INT           NOT NULL,
    agreeing     INT           NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_link_proposal_status CHECK (status IN ('PROPOSED', 'APPLIED'))
);
CREATE TRIGGER directory_link_proposal_append_only BEFORE UPDATE, DELETE ON directory_link_proposal
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";

-- An office that already has named payers (entered at charge entry or by the demo) keeps its payer key:
-- each payer row that is not an import placeholder ("Payer BIN …") becomes a directory payer with its
-- name and identifier as 835 identities and its plans' routings.
INSERT INTO directory_payer (name, created_at, created_by)
    SELECT MIN(y.name), CURRENT_TIMESTAMP, 'migration' FROM payer y WHERE y.name NOT LIKE 'Payer BIN %'
    GROUP BY UPPER(TRIM(y.name));
INSERT INTO directory_identity (payer_id, kind, id_value)
    SELECT d.id, 'NAME', UPPER(TRIM(d.name)) FROM directory_payer d;
INSERT INTO directory_identity (payer_id, kind, id_value)
    SELECT MIN(d.id), 'TRN03', TRIM(y.payer_identifier)
    FROM payer y JOIN directory_payer d ON UPPER(TRIM(d.name)) = UPPER(TRIM(y.name))
    WHERE y.payer_identifier IS NOT NULL AND TRIM(y.payer_identifier) <> ''
    GROUP BY TRIM(y.payer_identifier);
INSERT INTO directory_routing (payer_id, bin, pcn, group_id, source, linked_at, linked_by)
    SELECT MIN(d.id), pl.bin, pl.pcn, pl.group_id, 'SEED', CURRENT_TIMESTAMP, 'migration'
    FROM plan pl JOIN payer y ON y.id = pl.payer_id JOIN directory_payer d ON UPPER(TRIM(d.name)) = UPPER(TRIM(y.name))
    GROUP BY pl.bin, pl.pcn, pl.group_id;
