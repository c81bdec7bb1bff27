package org.rxledger.core.mfp;

/** Why a Part D fill of a selected drug is not owed a refund through the pharmacy flow (docs/mfp.md). */
public enum ExclusionReason {
    /** Bought at the 340B price: the manufacturer owes no MFP refund on top of it. */
    THREE_40B,
    /** Direct member reimbursement: the plan and the manufacturer settle it (MTF code 011-013). */
    DMR,
    /** Any other MTF "coordinate with plan" case (e.g. Medicaid subrogation). */
    COORDINATE_WITH_PLAN,
    OTHER
}
