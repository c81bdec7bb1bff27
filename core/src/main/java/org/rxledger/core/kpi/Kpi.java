package org.rxledger.core.kpi;

/**
 * The dashboard's figures and what each one means: the one place a definition is written, for the dashboard's
 * tooltips, {@code rxledger kpi} and docs/kpi.md (which quotes these). The period is the dashboard's date range
 * [from, to]; "as of" is its last day.
 */
public enum Kpi {
    RECEIVABLE("Third-party A/R", "The third-party receivable on the ledger as of the last day of the period: what plans"
            + " still owe on adjudicated claims (entries effective on or before that day)."),
    DSO("Days sales outstanding", "Third-party A/R as of the last day ÷ (plan paid at adjudication of the active claims"
            + " with a date of service in the period ÷ days in the period). Blank when nothing was adjudicated."),
    DAYS_TO_PAY("Days to pay", "Average days from the date of service to the 835's payment date (BPR16), over the"
            + " matched claim payments dated in the period that paid something and are not reversals."),
    AUTO_MATCH_RATE("First-pass auto-match", "Claim payments on the 835s dated in the period that the automatic"
            + " matcher matched and no person matched, unmatched or re-matched since ÷ all their claim payments"
            + " (MFP refunds left out)."),
    DENIAL_RATE("Denial rate", "Matched claim payments dated in the period that deny (CLP02 4, or nothing paid with a"
            + " non-pricing CO/PI/OA adjustment) ÷ matched claim payments that are not reversals."),
    TOP_DENIALS("Top denial codes", "The CAS group and reason codes of the denying claim payments dated in the period,"
            + " patient responsibility and pricing reductions (CO-45 …) left out, by how many payments carry them."),
    SHORT_PAID("Short-paid", "Σ (plan paid at adjudication − paid) over matched claim payments dated in the period"
            + " that paid less than the payer's own adjudication (denials and reversals left out)."),
    UNDERPAID("Underpaid vs contract", "Σ (expected by contract − net paid) over the remitted claims with a date of"
            + " service in the period paid below their contract by more than the tolerance (0.10)."),
    BELOW_COST("Below cost", "Σ (acquisition cost − (net paid + patient pay)) over the remitted claims with a date of"
            + " service in the period paid below what the pharmacy paid for the quantity dispensed."),
    PLB_FEES("PLB by code and month", "PLB items of the 835s dated in the period by month of payment and reason code,"
            + " amounts as sent: positive amounts were taken from the payment (fees, recoupments)."),
    AGING_TREND("Aging trend", "Third-party and patient receivables on the last day of the period and on each of the"
            + " seven weeks before it, by days from the date of service of their fills."),
    WRITE_OFFS("Write-offs by kind", "Patient write-offs approved in the period by kind, less the approved ones"
            + " reversed in it."),
    COLLECTIONS("Collections", "Payer cash: BPR02 of every 835 payment dated in the period (debits negative). Patient"
            + " cash: patient payments received in the period less refunds."),
    MFP_OUTSTANDING("MFP refunds outstanding", "What manufacturers still owe on the MFP fills dispensed in the period,"
            + " and the median days from dispensing to the first refund (as `rxledger mfp kpi`).");

    private final String label;
    private final String definition;

    Kpi(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}
