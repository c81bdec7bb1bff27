-- Issue 21 (docs/adr/0037-one-read-per-import-and-counted-work.md): each claim payment carries its CAS totals by
-- group, claim and line level together, written with the claim payment from what the import parsed. Posting
-- (post, preview, re-post) read them with the claim payment instead of summing remit_adjustment again, which
-- read back 1.67 rows per claim payment of what the same import had just written. The adjustment rows stay as
-- they are: screens, reports and the EOB show them one by one.
ALTER TABLE remit_claim ADD COLUMN co_total DECIMAL(15,2) NOT NULL DEFAULT 0;
ALTER TABLE remit_claim ADD COLUMN pi_total DECIMAL(15,2) NOT NULL DEFAULT 0;
ALTER TABLE remit_claim ADD COLUMN oa_total DECIMAL(15,2) NOT NULL DEFAULT 0;
ALTER TABLE remit_claim ADD COLUMN pr_total DECIMAL(15,2) NOT NULL DEFAULT 0;

-- claim payments imported before: the same sums posting used to make (OA takes 4010's CR and any other group)
UPDATE remit_claim rc SET
    co_total = COALESCE((SELECT SUM(a.amount) FROM remit_adjustment a
                         WHERE a.remit_claim_id = rc.id AND a.group_code = 'CO'), 0),
    pi_total = COALESCE((SELECT SUM(a.amount) FROM remit_adjustment a
                         WHERE a.remit_claim_id = rc.id AND a.group_code = 'PI'), 0),
    oa_total = COALESCE((SELECT SUM(a.amount) FROM remit_adjustment a
                         WHERE a.remit_claim_id = rc.id AND a.group_code NOT IN ('CO', 'PI', 'PR')), 0),
    pr_total = COALESCE((SELECT SUM(a.amount) FROM remit_adjustment a
                         WHERE a.remit_claim_id = rc.id AND a.group_code = 'PR'), 0)
WHERE EXISTS (SELECT 1 FROM remit_adjustment a WHERE a.remit_claim_id = rc.id);
