package org.rxledger.core.mfp;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;

/**
 * What a dispute packet to one manufacturer holds: the pharmacy, the period of dates of service, and the fills of
 * that manufacturer still short, missing or disputed as of {@code asOf}. Rx, fill, date of service, NDC and
 * quantity identify each claim; no patient names or member ids (a manufacturer needs none: minimum necessary).
 */
public record MfpDisputePacket(Pharmacy pharmacy, String manufacturer, LocalDate from, LocalDate to, LocalDate asOf,
                               List<MfpRefund> refunds) {

    public MfpDisputePacket {
        refunds = List.copyOf(refunds);
    }

    public Money expected() {
        return Money.sum(refunds.stream().map(MfpRefund::expected).toList());
    }

    public Money received() {
        return Money.sum(refunds.stream().map(MfpRefund::received).toList());
    }

    public Money shortfall() {
        return Money.sum(refunds.stream().map(MfpRefund::shortfall).toList());
    }
}
