package org.rxledger.core.mfp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * One fill's MFP refund as of a day: the claim's keys, the price version that applied on its date of service,
 * the expected amount (standard default unless {@code manufacturerAmount}), the clock, what was received, the
 * state, and its dispute if any.
 *
 * @param writtenOff       what was written off ({@link MfpService#writeOff})
 * @param ledgerReceivable the fill's balance on the ledger's MFP refund receivable; equals {@link #outstanding()} once
 *                         the receivable is brought up to date (docs/adr/0023)
 * @param clockStart the day the 14-day window started: the date of service, because the date the MTF received the
 *                   claim data is not known to the pharmacy (docs/mfp.md)
 */
public record MfpRefund(long claimId, String rxNumber, int fillNumber, LocalDate dateOfService, String ndc,
                        BigDecimal quantity, String manufacturer, BigDecimal mfpPerUnit, BigDecimal wacPerUnit,
                        Money standardDefault, Money manufacturerAmount, LocalDate clockStart, LocalDate due,
                        Money received, LocalDate lastPaidOn, RefundState state, List<RefundReceipt> receipts,
                        Dispute dispute, Money writtenOff, Money ledgerReceivable) {

    public MfpRefund {
        receipts = List.copyOf(receipts);
    }

    public Money expected() {
        return manufacturerAmount != null ? manufacturerAmount : standardDefault;
    }

    /** What is still owed (negative when more was paid). */
    public Money shortfall() {
        return expected().minus(received);
    }

    /**
     * What the manufacturer still owes on this fill: expected less received less written off; for a reversed claim
     * nothing is owed and a refund kept is owed back (negative).
     */
    public Money outstanding() {
        return state == RefundState.REVERSED ? received.negate() : shortfall().minus(writtenOff);
    }

    /** The work this refund needs, or null when none ({@link MfpRules#workItem}). */
    public MfpWorkItem workItem() {
        return MfpRules.workItem(state, receipts);
    }

    public String rxFill() {
        return rxNumber + "-" + String.format("%02d", fillNumber);
    }

    public boolean disputed() {
        return dispute != null && !dispute.status().closed();
    }
}
