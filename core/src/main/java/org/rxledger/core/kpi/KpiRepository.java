package org.rxledger.core.kpi;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/** Port: the dashboard's set-based reads, one aggregate query each (definitions in {@link Kpi}). */
public interface KpiRepository {

    /** A payer's third-party receivable balance on the ledger as of a day (entries effective on or before it). */
    record Receivable(String payer, Money balance) {
    }

    /** What a payer's claims with a date of service in the period were adjudicated to pay (509-F9), active ones. */
    record Sales(String payer, int claims, Money planPaid) {
    }

    /**
     * A payer's claim payments on the 835s dated in the period (MFP refunds left out).
     *
     * @param lines          every claim payment
     * @param autoMatched    matched by the automatic matcher and never matched, unmatched or re-matched by a person
     * @param paidLines      matched, not a reversal, something paid: the lines {@code daysToPay} is summed over
     * @param daysToPay      Σ days from date of service to the payment date (BPR16) over {@code paidLines}
     * @param judged         matched lines that are not reversals: the denial rate's denominator
     * @param denied         matched lines that deny (DenialSql)
     * @param shortPaid      matched, not denied, not a reversal, paid below the adjudication
     * @param shortAmount    Σ adjudicated − paid over {@code shortPaid}
     */
    record RemitLines(String payer, int lines, int autoMatched, int paidLines, long daysToPay, int judged, int denied,
                      int shortPaid, Money shortAmount) {
    }

    /** A denial reason (CAS group-reason of the denying lines, patient responsibility left out). */
    record DenialCode(String code, int lines, Money amount) {
    }

    /** PLB items of the payments dated in a month, by reason code; amounts as sent (positive = taken back). */
    record PlbMonth(LocalDate month, String code, int items, Money amount) {
    }

    /**
     * Receivable entries summed by the day they took effect and the date of service of their fill (the entry's own
     * date when it names no fill): the aging of any day up to the last is a running sum of these.
     */
    record ReceivableDay(boolean patient, LocalDate effective, LocalDate dateOfService, Money amount) {
    }

    /** Write-offs decided in the period by kind: approved amounts less the reversals of approved ones. */
    record WriteOffs(String kind, int approved, Money amount) {
    }

    /**
     * Money in during the period: payer cash (BPR02 of the 835s dated in it, debits negative) and patient payments
     * received (less refunds).
     */
    record Collected(int payments, Money payerCash, int patientPayments, Money patientCash) {
    }

    List<Receivable> receivables(LocalDate asOf);

    List<Sales> sales(LocalDate from, LocalDate to);

    List<RemitLines> remitLines(LocalDate from, LocalDate to);

    List<DenialCode> denialCodes(LocalDate from, LocalDate to, int limit);

    List<PlbMonth> plbByMonth(LocalDate from, LocalDate to);

    /** Third-party and patient receivable entries effective on or before {@code upTo}, summed by day and fill date. */
    List<ReceivableDay> receivableDays(LocalDate upTo);

    List<WriteOffs> writeOffs(LocalDate from, LocalDate to);

    Collected collected(LocalDate from, LocalDate to);
}
