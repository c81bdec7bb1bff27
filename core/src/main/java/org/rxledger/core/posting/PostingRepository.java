package org.rxledger.core.posting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;

/** Port: what posting reads (set-based, one query per table per payment) and the posting log it keeps. */
public interface PostingRepository {

    /** A stored 835 payment (BPR/TRN) as posting needs it. */
    record PaymentHeader(long paymentId, String payerName, String payerIdentifier, String traceNumber, Money amount,
                         LocalDate paymentDate, PaymentStatus status) {
    }

    /**
     * One claim payment with its matched claim's adjudication (null when unmatched) and its CAS totals
     * by group (claim and line level together).
     */
    record ClaimLine(long remitClaimId, int seq, String patientControlNumber, String claimStatus, Money charge,
                     Money paid, Money patientResponsibility, MatchStatus matchStatus, Long claimId, String rx,
                     Integer fill, Money planPaid, Money patientPay, Long patientId, Long claimPayerId, Money co,
                     Money pi, Money oa, Money pr, Long linkedRemitClaimId, String linkKind) {

        public boolean reversal() {
            return "22".equals(claimStatus);
        }
    }

    /** One PLB pair; amount signed as sent (positive reduces the payment). */
    record PlbLine(long plbId, int seq, String reasonCode, String reference, Money amount) {
    }

    /** The net amount still on the ledger for one (account, claim, source) of a payment's postings. */
    record NetEntry(LedgerAccount account, Money amount, Long claimId, Long patientId, Long payerId, String sourceType,
                    String sourceId) {
    }

    /** The net of one remittance claim's entries on one account for one claim (source REMIT_CLAIM). */
    record SourceNet(long claimId, String sourceId, LedgerAccount account, Long patientId, Long payerId, Money amount) {
    }

    /** One row of the posting log (table remit_posting). */
    record PostingRecord(long id, long paymentId, UUID batchId, PostingKind kind, Money cash, String reason,
                         Instant postedAt, String postedBy) {
    }

    Optional<PaymentHeader> payment(long paymentId);

    List<ClaimLine> claimLines(long paymentId);

    Optional<ClaimLine> claimLine(long remitClaimId);

    List<PlbLine> plbLines(long paymentId);

    /** The payment a PLB item belongs to, if the item exists. */
    java.util.OptionalLong plbPayment(long plbId);

    /** Net of every entry written by the payment's postings, grouped by account, claim and source; zero nets left out. */
    List<NetEntry> netEntries(long paymentId);

    /** Non-zero nets of every REMIT_CLAIM entry of the given claims, by claim, remittance claim and account. */
    List<SourceNet> remitClaimNets(java.util.Collection<Long> claimIds);

    /** Σ PAYER_CASH of every entry written by the payment's postings. */
    Money postedCash(long paymentId);

    void recordPosting(long paymentId, UUID batchId, PostingKind kind, Money cash, String reason, Instant at, String by);

    List<PostingRecord> postings(long paymentId);

    /** Sets the payment's status; a posting held back on import ({@link #holdPosting}) is no longer held. */
    void setStatus(long paymentId, PaymentStatus status);

    /** Marks a payment that automatic posting left for a clerk, with the reason shown on the Remittances screen. */
    void holdPosting(long paymentId, String reason);

    /** The payer row whose name (case-insensitive) or identifier matches the 835 payer, if any. */
    Optional<Long> payerId(String payerName, String payerIdentifier);

    /** A person's decision that a PLB item belongs to a claim (table plb_attribution, V014; append-only). */
    record PlbAttribution(long id, long plbId, long claimId, String reason, Instant attributedAt, String attributedBy) {
    }

    /** Appends a hand attribution of a PLB item; the latest row of an item is the one in force. */
    void recordPlbAttribution(long plbId, long claimId, String reason, Instant at, String by);

    /** The hand attribution in force (latest row) of each PLB item of the payment a person attributed, by PLB item id. */
    java.util.Map<Long, PlbAttribution> plbAttributions(long paymentId);
}
