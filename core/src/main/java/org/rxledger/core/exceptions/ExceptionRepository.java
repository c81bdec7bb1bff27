package org.rxledger.core.exceptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.money.Money;

/**
 * Port: the set-based reads the exceptions queue is derived from (one query each, no query per claim)
 * and the append-only log of what people did to items (V011__exception_queue.sql).
 */
public interface ExceptionRepository {

    /** A claim payment tied to no claim, with the latest matching decision's verdict and candidates. */
    record LooseLine(long remitClaimId, long paymentId, String patientControlNumber, String statusCode, Money charge,
                     Money paid, String matchStatus, String payer, String trace, LocalDate paymentDate, String verdict,
                     String explanation, List<MatchRecord.CandidateSummary> candidates, boolean paymentPosted) {
    }

    /**
     * A claim with matched claim payments and their aggregates.
     *
     * @param expected   plan paid (509-F9) while active, zero once reversed or rebilled at the counter
     * @param duplicates matched lines whose matching decision linked them as {@code DUPLICATE_OF} a prior payment
     */
    record ClaimLine(long claimId, String rx, int fill, LocalDate dateOfService, String payer, Money expected, Money paid,
                     int lines, int reversals, int denials, int duplicates, LocalDate lastPaymentDate, String traces,
                     long lastRemitClaimId, long lastPaymentId) {
    }

    /** A non-PR CAS adjustment or an LQ remark on a matched claim payment. */
    record ClaimCode(long claimId, String kind, String group, String code, Money amount) {
        public static final String CAS = "CAS";
    }

    /** A matched claim payment whose CLP05 differs from the claim's adjudicated patient pay (505-F5). */
    record PatientPayLine(long remitClaimId, long paymentId, long claimId, String rx, int fill, String payer, String trace,
                          LocalDate paymentDate, Money remitted, Money adjudicated) {
    }

    /** A PLB takeback no ledger entry attributes to a claim. */
    record LoosePlb(long plbId, long paymentId, String reasonCode, String reference, Money amount, String payer,
                    String trace, LocalDate paymentDate) {
    }

    /** One thing a person did to an item. */
    record Action(String itemKey, String action, String owner, String note, Instant at, String by) {
        public static final String ASSIGN = "ASSIGN";
        public static final String RESOLVE = "RESOLVE";
        public static final String REOPEN = "REOPEN";
    }

    /** @param only one row id (remit claim, claim or PLB item) or null for all */
    void looseLines(Long only, Consumer<LooseLine> sink);

    /** @param only one row id (remit claim, claim or PLB item) or null for all */
    void claimLines(Long only, Consumer<ClaimLine> sink);

    /** @param only one row id (remit claim, claim or PLB item) or null for all */
    void claimCodes(Long only, Consumer<ClaimCode> sink);

    /** @param only one row id (remit claim, claim or PLB item) or null for all */
    void patientPayMismatches(Long only, Consumer<PatientPayLine> sink);

    /** @param only one row id (remit claim, claim or PLB item) or null for all */
    void loosePlbs(Long only, Consumer<LoosePlb> sink);

    /** Every action, oldest first. */
    List<Action> actions();

    /** The actions on one item, oldest first. */
    List<Action> actions(String itemKey);

    void append(Action action);
}
