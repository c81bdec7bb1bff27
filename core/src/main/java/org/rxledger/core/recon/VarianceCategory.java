package org.rxledger.core.recon;

/** Why a business day does not close on its own (DOMAIN.md §4.3, §4.4 d). */
public enum VarianceCategory {
    /** 835 payments dated the day that are imported but not posted (review-first payers, held by AutoPostGuard, unposted). */
    RECEIVED_NOT_POSTED("Received, not posted"),
    /** Posted payer cash differs from BPR02 (posted − BPR02). */
    POSTED_NOT_BPR02("Posted ≠ BPR02"),
    /** Matched claim payments below the plan paid at adjudication (expected − paid). */
    SHORT_PAID("Short-paid"),
    /** Matched claim payments above the plan paid at adjudication (paid − expected). */
    OVER_PAID("Over-paid"),
    /** Denied on the remittance: the plan paid that will not come. */
    DENIED("Denied on remit"),
    /** Claim payments taken back (CLP02 22): the amount taken back. */
    REVERSED_AFTER_PAYMENT("Reversed after payment"),
    /** Claim payments tied to no claim: unapplied cash. */
    UNMATCHED_CASH("Unmatched cash"),
    /** 835 payments dated the day with no bank deposit paired to them. */
    PAYMENT_WITHOUT_DEPOSIT("Payments without deposit"),
    /** Deposits dated the day minus payments (BPR02) dated the day. */
    DEPOSITS_VS_PAYMENTS("Deposits − payments"),
    /** Roll-forward closing minus the ledger's receivable balance: must be zero. */
    ROLL_FORWARD_DIFFERENCE("Roll-forward ≠ ledger");

    private final String label;

    VarianceCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
