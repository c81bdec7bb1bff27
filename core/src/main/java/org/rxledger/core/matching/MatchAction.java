package org.rxledger.core.matching;

/** Who made a match decision; stored by name in {@code match_decision.action}. */
public enum MatchAction {
    /** The automatic matcher (after import, or re-run on demand). */
    AUTO,
    /** A person tied the remittance claim to a claim, with a reason. */
    MANUAL_MATCH,
    /** A person removed the tie, with a reason. */
    MANUAL_UNMATCH
}
