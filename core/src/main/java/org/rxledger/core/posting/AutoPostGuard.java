package org.rxledger.core.posting;

import java.util.Optional;
import org.rxledger.core.matching.PaymentMatching;

/**
 * Whether a payment of an "automatic" payer may be posted as soon as it is matched.
 *
 * <p>Posting puts every claim payment that is tied to no claim in unapplied cash. When that is most of the
 * payment — a file meant for another pharmacy, or a payer paying claims that are not loaded yet — posting
 * at once would only make work: an unpost and a re-post once the cause is fixed, with three batches on the
 * ledger instead of one. So such a payment is left unposted for a clerk, with the reason, and is posted
 * from the Remittances screen (preview, then Post…) or {@code rxledger remit post} like a "review first"
 * payer's. The line is half: a payment is posted automatically when at least half of its claim payments
 * are tied to a claim.
 */
public final class AutoPostGuard {

    private AutoPostGuard() {
    }

    /** Why the matched payment should not be posted automatically, or empty when it may be. */
    public static Optional<String> holdReason(PaymentMatching.Summary matching) {
        int claims = matching.claims();
        int tied = matching.matched();
        if (claims == 0 || tied * 2 >= claims) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "Not posted automatically: only %,d of %,d claim payments match a stored claim (%,d match none, %,d need"
                        + " review), so posting now would put most of this payment in unapplied cash. Check that the file"
                        + " is for this pharmacy and that its claims are loaded, match what you can, then preview and post it.",
                tied, claims, matching.unmatched(), matching.needsReview()));
    }
}
