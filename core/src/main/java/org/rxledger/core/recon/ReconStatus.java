package org.rxledger.core.recon;

/** Where a claim stands against what its payer remitted (issue 5 contract). */
public enum ReconStatus {
    /** Nothing matched yet. */
    UNPAID,
    /** Paid = expected. */
    PAID,
    /** 0 < paid < expected (also after a repayment that fell short). */
    UNDERPAID,
    /** Paid > expected, e.g. paid twice. */
    OVERPAID,
    /** Denied on the remittance and nothing paid. */
    DENIED,
    /** Payments reversed to zero and not repaid. */
    REVERSED
}
