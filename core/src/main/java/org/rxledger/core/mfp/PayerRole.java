package org.rxledger.core.mfp;

/** What a directory payer is for MFP refunds. */
public enum PayerRole {
    /** Its claims are Medicare Part D: an MFP drug on them is owed a refund. */
    PART_D,
    /** Its 835s are MFP refunds from the Medicare Transaction Facilitator (or a manufacturer paying directly). */
    MTF
}
