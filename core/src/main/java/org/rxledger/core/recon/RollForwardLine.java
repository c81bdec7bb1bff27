package org.rxledger.core.recon;

/**
 * The lines of the third-party A/R roll-forward (DOMAIN.md §4.4 e): opening + new − reversals − payments ±
 * adjustments = closing. Amounts are signed as their effect on the receivable: payments are negative.
 */
public enum RollForwardLine {
    /** Plan paid (509-F9) of claims adjudicated on the day: the adjudication batches. */
    NEW_RECEIVABLES("New receivables (claims adjudicated)"),
    /** Receivables closed by a B2 reversal, a rebill or a correction at the counter. */
    COUNTER_REVERSALS("Reversed at the counter (B2, rebill, correction)"),
    /** Cash (CLP04) applied to claims by remittances, net of unposted payments. */
    PAYMENTS("Payments applied (CLP04)"),
    /** Claim payments taken back by CLP02 = 22 reversal lines. */
    PAYMENT_REVERSALS("Payment reversals (CLP02 22)"),
    /** CO adjustments against the receivable. */
    CONTRACTUAL("Contractual adjustments (CO)"),
    /** PI adjustments against the receivable. */
    PAYER_REDUCTIONS("Payer-initiated reductions (PI)"),
    /** OA and other group adjustments against the receivable. */
    OTHER_ADJUSTMENTS("Other adjustments (OA)"),
    /** Differences between the remitted and the adjudicated patient responsibility (PR). */
    PATIENT_TRANSFERS("Patient responsibility transfers (PR)"),
    /** Money moved between a claim and unapplied cash (a claim payment unmatched or re-matched). */
    UNAPPLIED("Moved to/from unapplied cash"),
    /** Any other account a receivable entry was booked against (shown, never hidden). */
    OTHER("Other");

    private final String label;

    RollForwardLine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
