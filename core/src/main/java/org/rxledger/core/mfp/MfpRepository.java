package org.rxledger.core.mfp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rxledger.core.money.Money;

/** Port: the MFP tables (V029) and the reads over claims, the payer directory and MTF remittances they need. */
public interface MfpRepository {

    /** A claim of a selected drug on a Part D payer (or one with refunds recorded), with the price of its date of service. */
    record EligibleClaim(long claimId, String rxNumber, int fillNumber, LocalDate dateOfService, String ndc,
                         java.math.BigDecimal quantity, boolean reversed, boolean eligible, MfpPrice price,
                         Money manufacturerAmount) {
    }

    /** A claim payment of an MTF payment from a published file that no refund receipt records yet. */
    record MtfClaimPayment(long remitClaimId, long paymentId, String trace, String clp01, String clp02, Money paid,
                           String ndc, LocalDate serviceDate, LocalDate paymentDate) {
    }

    /** A stored claim a refund could belong to. */
    record FillCandidate(long claimId, String rxNumber, int fillNumber, LocalDate dateOfService, String ndc,
                         boolean active) {
    }

    /** A directory payer whose 835s are MFP refunds (the MTF, or a manufacturer paying directly). */
    record RefundPayer(long payerId, String payerName, String reason) {
    }

    /** A routing whose claims are Medicare Part D. */
    record PartDRouting(org.rxledger.core.payer.Routing routing, String reason) {
    }

    List<MfpPrice> prices();

    void insertPrices(List<MfpPrice> prices, UUID importId, String fileName, Instant at, String by);

    void insertPartDRouting(org.rxledger.core.payer.Routing routing, boolean active, String reason, Instant at, String by);

    /** The routings whose latest row says Part D. */
    List<PartDRouting> partDRoutings();

    void insertRefundPayer(long payerId, boolean active, String reason, Instant at, String by);

    /** The payers whose latest row says their 835s are MFP refunds. */
    List<RefundPayer> refundPayers();

    /** The directory payer (not merged) of this name, case-insensitive. */
    java.util.Optional<Long> directoryPayerId(String name);

    /** Claims owed (or once paid) a refund: selected drug on its date of service, Part D routing, not excluded. */
    List<EligibleClaim> eligibleClaims();

    List<RefundReceipt> receipts();

    List<MtfClaimPayment> unrecordedMtfClaimPayments();

    /** Of these payments, the ones whose payer is an MFP refund payer. */
    Set<Long> mtfPayments(Collection<Long> paymentIds);

    /** Claims whose Rx number is {@code rx} once leading zeros are dropped. */
    List<FillCandidate> fillsOfRx(String rx);

    long insertReceipt(long claimId, long remitClaimId, RefundKind kind, Money amount, LocalDate paidOn, Instant at,
                       String by);

    void insertExclusion(long claimId, boolean excluded, ExclusionReason reason, String note, Instant at, String by);

    void insertManufacturerAmount(long claimId, Money amount, String note, Instant at, String by);

    long insertDispute(long claimId, String reason, String notes, Instant at, String by);

    void insertDisputeEvent(long disputeId, DisputeStatus status, Money amount, String note, Instant at, String by);

    /** Every dispute with its current status (latest event). */
    List<Dispute> disputes();

    void insertWriteOff(long claimId, Money amount, String reason, Instant at, String by);

    /** What was written off per claim. */
    Map<Long, Money> writtenOff();

    /**
     * Per claim, the ledger's MFP refund receivable: all of it ({@code sourceType} null) or only the entries of one
     * ledger source (the accrual of the expected refund).
     */
    Map<Long, Money> receivable(String sourceType);
}
