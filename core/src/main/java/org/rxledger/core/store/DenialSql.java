package org.rxledger.core.store;

/**
 * What counts as a denial on a remittance, written once for every query that counts or lists denials (recon
 * claims, the exceptions queue, the denials workbook). docs/reports.md, "Denial"; DOMAIN.md §4.3 "Denied on
 * remit": a claim payment is a denial when the payer refused it — CLP02 4, or nothing paid on a claim payment
 * that is not a reversal (CLP02 22) and carries a non-patient adjustment whose reason is not a pricing
 * reduction. CO-45 (charge over the contracted allowance) with nothing paid is a claim the patient's share
 * covered, not a refusal; the same holds for the other pricing reasons listed here.
 */
final class DenialSql {

    /** CARCs that reduce the price rather than refuse the claim. */
    static final String PRICING_REASONS = "'45', '42', '59', '94', '253'";

    private DenialSql() {
    }

    /** A boolean SQL condition on the remit_claim row aliased {@code rc}. */
    static String isDenial(String rc) {
        return "(" + rc + ".status_code = '4' OR (" + rc + ".paid_amount = 0 AND " + rc + ".status_code <> '22'"
                + " AND EXISTS (SELECT 1 FROM remit_adjustment da WHERE da.remit_claim_id = " + rc + ".id"
                + " AND da.group_code <> 'PR' AND da.amount <> 0 AND da.reason_code NOT IN (" + PRICING_REASONS + "))))";
    }
}
