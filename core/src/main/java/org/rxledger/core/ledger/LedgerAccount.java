package org.rxledger.core.ledger;

/**
 * The accounts money moves between. Debit-positive: a positive amount increases an asset
 * (receivable, cash) or decreases revenue; every batch sums to zero.
 */
public enum LedgerAccount {
    /** Third-party receivable: what plans owe (509-F9 at adjudication). */
    THIRD_PARTY_RECEIVABLE("Third-party A/R"),
    /** Patient responsibility not collected at the counter (505-F5, or PR moved in by a remittance). */
    PATIENT_RECEIVABLE("Patient A/R"),
    /** Patient pay collected at the counter at dispensing. */
    COUNTER_CASH("Counter cash"),
    /** Prescription sales (credit side of a new claim). */
    PRESCRIPTION_SALES("Rx sales"),
    /** Cash received from payers, to be reconciled against bank deposits. */
    PAYER_CASH("Payer cash (undeposited)"),
    /** CO adjustments: contractual write-downs. */
    CONTRACTUAL_ADJUSTMENT("Contractual adjustments (CO)"),
    /** PI adjustments: payer-initiated reductions. */
    PAYER_REDUCTION("Payer-initiated reductions (PI)"),
    /** OA adjustments: other adjustments (COB prior payer, duplicates). */
    OTHER_ADJUSTMENT("Other adjustments (OA)"),
    /** Provider-level adjustments by PLB code. */
    PLB_RECOUPMENT("PLB recoupments (WO)"),
    PLB_FORWARD_BALANCE("PLB forward balance (FB)"),
    PLB_INTEREST("PLB interest (L6)"),
    PLB_FEES("PLB fees (CS)"),
    PLB_RETURNS("PLB authorized returns (72)"),
    PLB_OTHER("PLB other"),
    /** Remitted money not tied to a claim yet. */
    UNAPPLIED_CASH("Unapplied cash"),
    /** Administrative write-offs of patient balances: small balances, deceased patients' estates not pursued. */
    WRITE_OFF("Write-offs"),
    /** Patient balances written off as uncollectible after the statement cycle, or discharged in bankruptcy. */
    BAD_DEBT("Bad debt"),
    /** Patient balances forgiven under the written hardship (charity) policy; never booked as bad debt. */
    CHARITY_CARE("Charity care"),
    /** Payments received on patient accounts after dispensing (counter, phone, mail, card), less refunds. */
    PATIENT_CASH("Patient payments"),
    /**
     * Medicare MFP refunds the pharmacy has earned from manufacturers (credit side of the refund receivable), apart
     * from every plan's receivable (docs/adr/0023-mfp-refunds-apart-from-plan-receivables.md).
     */
    MFP_REFUNDS("MFP refunds (manufacturers)"),
    /**
     * What manufacturers owe the pharmacy in MFP refunds: the expected refund of each eligible fill, less what the MTF
     * paid and what was written off; a credit balance on a fill is a refund overpaid or kept for a reversed claim.
     * Never part of third-party A/R.
     */
    MFP_REFUND_RECEIVABLE("MFP refund receivable"),
    /** MFP refunds the pharmacy gave up on (refused after a dispute, too old to chase). */
    MFP_REFUND_WRITE_OFF("MFP refunds written off");

    private final String label;

    LedgerAccount(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
