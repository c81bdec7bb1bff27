package org.rxledger.core.ledger;

/** How a payer's remittances are posted after import (issue 5: auto-post per payer). */
public enum PostingMode {
    /** Matched and posted in the import transaction. */
    AUTOMATIC,
    /** Matched on import; a clerk previews the batch and then posts it. */
    REVIEW_FIRST
}
