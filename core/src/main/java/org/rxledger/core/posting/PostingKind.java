package org.rxledger.core.posting;

/** What a posting batch did; stored by name in {@code remit_posting.kind}. */
public enum PostingKind {
    /** The whole payment posted. */
    POST,
    /** The whole payment unposted: the negation of everything still on the ledger for it. */
    UNPOST,
    /** One claim payment re-posted on a posted payment after its match changed. */
    ADJUST
}
