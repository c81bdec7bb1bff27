-- Automatic posting held back (issue 5): a payment of an "automatic" payer whose claim payments mostly
-- match no stored claim is not posted on import, because posting it would put most of its money in
-- unapplied cash (a file for another pharmacy, or claims not loaded yet). The reason is kept here until
-- a clerk posts (or unposts) the payment, which clears it; the decision itself is in the journal
-- (remittance.posting_held) and the audit log.
ALTER TABLE payment ADD COLUMN posting_held_reason VARCHAR(1000);
