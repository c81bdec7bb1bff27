package org.rxledger.core.exceptions;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * One item of the exceptions work queue: derived from the data (category, amounts, why, next step) plus
 * the work people did on it (owner, status, note). No PHI: Rx/fill and CLP01 only, never names or member ids.
 *
 * @param key          stable key, e.g. {@code SHORT_PAID:C42} (category + C claim / R remit claim / P PLB item id)
 * @param reference    Rx-fill of the claim, or CLP01 of an unmatched line, or the PLB code and reference
 * @param expected     what was expected (509-F9, 505-F5 for patient pay; zero where nothing was expected)
 * @param paid         what the remittance says (net paid, CLP05, or the PLB amount taken back)
 * @param arose        when the item arose here: the day the 835 with the line or PLB that caused it was imported
 * @param age          days since {@code arose}
 * @param paymentId    the 835 payment the item comes from (null for none)
 * @param plbItemId    the PLB item of a PLB item (null for the others)
 * @param candidates   for an ambiguous match, the claims a person chooses from (one line each)
 */
public record ExceptionItem(String key, ExceptionCategory category, String payer, String reference, String trace,
                            Money expected, Money paid, String reason, String nextStep, LocalDate arose, long age,
                            String owner, ExceptionStatus status, String note, Long claimId, Long remitClaimId,
                            Long paymentId, Long plbItemId, List<String> candidates) {

    public ExceptionItem {
        candidates = List.copyOf(candidates);
    }

    /** Paid − expected. */
    public Money difference() {
        return paid.minus(expected);
    }

    public boolean open() {
        return status == ExceptionStatus.OPEN;
    }

    ExceptionItem withState(WorkState state) {
        return new ExceptionItem(key, category, payer, reference, trace, expected, paid, reason, nextStep, arose, age,
                state.owner(), state.status(), state.note(), claimId, remitClaimId, paymentId, plbItemId, candidates);
    }

    /** The current owner/status/note of an item, folded from its actions (latest wins). */
    record WorkState(String owner, ExceptionStatus status, String note) {
        static final WorkState NEW = new WorkState(null, ExceptionStatus.OPEN, null);
    }
}
