-- Issue 19: the global search finds claims by cardholder id; without an index each keystroke read every claim.
CREATE INDEX claim_cardholder ON claim (cardholder_id);
