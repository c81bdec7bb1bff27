package org.rxledger.core.recon;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.rxledger.core.money.Money;

/** Port: set-based reconciliation reads (one query each, aggregated in the database). */
public interface ReconRepository {

    /**
     * A claim with a receivable (paid adjudication, active — or reversed at the counter but paid anyway)
     * and the aggregates of its matched claim payments.
     *
     * @param expected  plan paid (509-F9) while the adjudication is active; zero once reversed or rebilled
     * @param paid      Σ CLP04 of matched claim payments (reversals negative)
     * @param lines     matched claim payments
     * @param reversals matched CLP02 = 22 lines
     * @param denials   matched lines that deny: CLP02 = 4, or nothing paid with a CO/PI/OA adjustment
     */
    record ClaimTotals(long claimId, String rx, int fill, LocalDate dateOfService, String payerName, Money expected,
                       Money paid, int lines, int reversals, int denials) {
    }

    /** A claim's third-party receivable balance on the ledger (non-zero only). */
    record OpenReceivable(long claimId, String payerName, LocalDate dateOfService, Money balance) {
    }

    /**
     * A claim's third-party receivable as of a date (entries effective on or before it), with what it is.
     *
     * @param expected plan paid at adjudication (509-F9)
     * @param balance  the receivable's ledger balance; negative = a credit (money owed back)
     */
    record OpenClaim(long claimId, String rx, int fill, LocalDate dateOfService, String payerName, String planName,
                     Money expected, Money balance) {
    }

    /**
     * Open receivables as of a date summed by payer, date of service and side: {@code credit} = claims whose
     * balance is negative (money owed back), each side's {@code claims} counted and {@code balance} summed.
     */
    record OpenByDay(String payerName, LocalDate dateOfService, boolean credit, int claims, Money balance) {
    }

    /** {@link #openClaims} summed in the database (a few rows per payer and day instead of one per claim); streamed. */
    void openByDay(LocalDate asOf, Consumer<OpenByDay> sink);

    /** Every claim whose receivable balance as of {@code asOf} is not zero, by payer, DOS, Rx; streamed. */
    void openClaims(LocalDate asOf, Consumer<OpenClaim> sink);

    /** Every claim with a receivable, ordered by Rx, fill, date of service; streamed. */
    void claimTotals(Consumer<ClaimTotals> sink);

    /** Every claim whose THIRD_PARTY_RECEIVABLE balance is not zero; streamed. */
    void openReceivables(Consumer<OpenReceivable> sink);

    // ---- daily reconciliation (DOMAIN.md §4.4): one aggregate query each over a range of business days ----

    /**
     * Receivable movements by day, the receivable's payer (through the claim), the entry's own source type
     * and account: every entry of each (batch, source) group that touches THIRD_PARTY_RECEIVABLE, reversing
     * entries grouped with their originals' source. {@code remitStatus} is CLP02 of a remittance claim group.
     */
    record ArMovement(LocalDate date, String payer, String sourceType, String account, String remitStatus,
                      Money amount, int claims) {
    }

    /** A payer's receivable balance: before the range ({@code date} null), or the net of one day in it. */
    record ArBalance(LocalDate date, String payer, Money amount) {
    }

    /**
     * An 835 payment dated in the range (BPR16) with what its ledger batches hold: payer cash, the part
     * applied to claims, unapplied cash, the PLB effect. {@code amount} is BPR02, negative for debits.
     */
    record DayPayment(long paymentId, LocalDate date, String payer, String trace, Money amount, String method,
                      String status, Money posted, Money cashToClaims, Money unapplied, Money plbCash) {
    }

    /** PLB items of the day's payments by payer and reason code; amounts as sent. */
    record DayPlb(LocalDate date, String payer, String code, int items, Money amount) {
    }

    /** Claim payments of the day's payments (by payment date and payer) summed by outcome. */
    record DayRemitLines(LocalDate date, String payer, int unmatched, Money unmatchedCash, int shortPaid,
                         Money shortAmount, int overPaid, Money overAmount, int denied, Money deniedExpected,
                         int reversals, Money reversedAmount) {
    }

    /** Deposits (not voided) per deposit date. */
    record DayDeposits(LocalDate date, int count, Money amount) {
    }

    void arMovements(LocalDate from, LocalDate to, Consumer<ArMovement> sink);

    /** Claims adjudicated (paid or captured) per day (UTC, as their receivables) and payer — $0.00 expected ones too. */
    record DayClaims(LocalDate date, String payer, int claims) {
    }

    void adjudicatedClaims(LocalDate from, LocalDate to, Consumer<DayClaims> sink);

    /** Balances before {@code from} (date null) and the net per day and payer within [from, to]. */
    void arBalances(LocalDate from, LocalDate to, Consumer<ArBalance> sink);

    void dayPayments(LocalDate from, LocalDate to, Consumer<DayPayment> sink);

    void dayPlb(LocalDate from, LocalDate to, Consumer<DayPlb> sink);

    void dayRemitLines(LocalDate from, LocalDate to, Consumer<DayRemitLines> sink);

    void dayDeposits(LocalDate from, LocalDate to, Consumer<DayDeposits> sink);

    /** The first and last day anything was adjudicated, paid or deposited; empty when there is nothing. */
    java.util.Optional<LocalDate[]> activityRange();
}
