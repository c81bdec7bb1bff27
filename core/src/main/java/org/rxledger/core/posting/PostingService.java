package org.rxledger.core.posting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.access.Permission;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;

/**
 * Posting use cases, each in its own transaction (the ledger batch, the posting log row, the payment
 * status, a journal event and an audit record commit together). The engine is {@link RemittancePosting}.
 */
public final class PostingService {

    private final Transactions transactions;

    public PostingService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The batch {@link #post} would write — for "review first" payers. */
    public PostingPreview preview(long paymentId) {
        return transactions.read(tx -> RemittancePosting.preview(tx, paymentId));
    }

    /** Posts a payment that is not posted (review-first payers, or after an unpost). */
    public PostingResult post(long paymentId) {
        return transactions.inTransaction(Permission.POST, "post a payment", tx -> RemittancePosting.post(tx, paymentId));
    }

    /** Unposts a whole payment with a reversing batch; the reason is required and kept. */
    public PostingResult unpost(long paymentId, String reason) {
        return transactions.inTransaction(Permission.UNPOST, "unpost a payment", tx -> RemittancePosting.unpost(tx, paymentId, reason));
    }

    /** Unposts and posts again under the current matches, in one transaction. */
    public PostingResult repost(long paymentId, String reason) {
        return transactions.inTransaction(Permission.UNPOST, "re-post a payment", tx -> {
            RemittancePosting.unpost(tx, paymentId, reason);
            return RemittancePosting.post(tx, paymentId);
        });
    }

    /**
     * A person attributes a PLB item of a posted payment to a claim (or re-attributes it to another), with
     * a required reason: one reversing-and-reposting ADJUST batch.
     */
    public PostingResult attributePlb(long plbItemId, long claimId, String reason) {
        return transactions.inTransaction(Permission.MATCH_DECIDE, "attribute a PLB item to a claim", tx -> RemittancePosting.attributePlb(tx, plbItemId, claimId, reason));
    }

    /**
     * A stored claim a PLB item could be attributed to, as a person checks it: Rx, fill, date of service, drug
     * (its label, or empty when the NDC is not in the drug list) and plan paid — nothing that names the patient.
     */
    public record AttributableClaim(long claimId, String rx, int fill, LocalDate dateOfService, String ndc,
                                    Optional<String> drug, Money planPaid) {
    }

    /** The stored claims with this Rx number and fill, for the "Attribute to claim…" dialog. */
    public List<AttributableClaim> attributableClaims(String rx, int fill) {
        return transactions.read(tx -> tx.port(ClaimRepository.class).forRxFill(rx, fill).stream()
                .map(c -> new AttributableClaim(c.id(), c.rxNumber(), c.fillNumber(), c.dateOfService(), c.ndc(),
                        tx.port(ReferenceRepository.class).drug(c.drugId()).map(Drug::label), c.planPaid()))
                .toList());
    }

    /** The posting log of a payment, oldest first. */
    public List<PostingRepository.PostingRecord> postings(long paymentId) {
        return transactions.read(tx -> tx.port(PostingRepository.class).postings(paymentId));
    }
}
