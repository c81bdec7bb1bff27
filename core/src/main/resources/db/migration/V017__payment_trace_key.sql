-- The same payment is stored once (issue 23; ARCHITECTURE.md rule 4): a unique index, not only the
-- importer's SELECT, so two imports racing each other cannot both store it. The key is the payer's
-- identifier (TRN03, required by the reader), the amount and the trace number compared the way deposit
-- pairing compares it: without case, spaces or the zeros that pad a run of digits. That comparison is
-- written once in Java (Trace.normalise); the expression below is its SQL twin for the rows stored
-- before this migration, and a test keeps the two in step.
--
-- Rows that already collide (the same payment stored twice before this fix, e.g. twice in one file, or
-- re-sent with its trace in other letter case) cannot be undone here: money was posted from both and
-- ledger rows are never deleted. The earliest row keeps its key; the later ones keep trace_key NULL
-- (a unique index admits any number of NULLs), so the migration never fails on an existing database and
-- every new import of that payment is still refused as a duplicate of the earliest one.

ALTER TABLE payment ADD COLUMN trace_key VARCHAR(80);

UPDATE payment SET trace_key = UPPER(REGEXP_REPLACE(REGEXP_REPLACE(trace_number, '\s+', ''),
    '(?<![0-9])0+(?=[0-9])', ''));

CREATE INDEX payment_trace_key_backfill ON payment (trace_key, amount, payer_identifier);
UPDATE payment p SET trace_key = NULL WHERE EXISTS (
    SELECT 1 FROM payment e
    WHERE e.trace_key = p.trace_key AND e.amount = p.amount AND e.payer_identifier = p.payer_identifier
      AND e.id < p.id);
DROP INDEX payment_trace_key_backfill;

CREATE UNIQUE INDEX payment_same_payment ON payment (trace_key, amount, payer_identifier);
