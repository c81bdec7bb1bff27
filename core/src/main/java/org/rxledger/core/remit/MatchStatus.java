package org.rxledger.core.remit;

/** Whether a remittance claim was tied to a billed claim; stored by name in {@code remit_claim.match_status}. */
public enum MatchStatus {
    UNMATCHED,
    /** Matched automatically; the keys that made the match are recorded by the matching area. */
    MATCHED,
    /** Matched by a person. */
    MANUAL,
    /** Several candidates or a conflicting key: waits in a work queue. */
    NEEDS_REVIEW
}
