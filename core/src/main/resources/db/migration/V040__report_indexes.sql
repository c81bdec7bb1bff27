-- Reports and reconciliation read by date (issue 20): the daily reconciliation's ledger movements of a day and
-- the claims adjudicated on it were full scans of the ledger and of the claims, minutes on a year of a busy office.
-- Both columns grow with time, so new rows land at the right edge of the index (cheap for imports and posting).
CREATE INDEX ledger_effective_date ON ledger_entry (effective_date);
CREATE INDEX claim_adjudicated_at ON claim (adjudicated_at);
