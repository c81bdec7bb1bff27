package org.rxledger.core.contract;

import org.rxledger.core.money.Money;

/**
 * A claim held against its contract and its acquisition cost.
 *
 * @param expectation null when no contract covers the claim's routing on its date of service
 * @param acquisitionCost null when no invoice of the NDC is on or before the date of service
 */
public record ContractCheck(ClaimToPrice claim, Expectation expectation, Money acquisitionCost) {

    /** Expected by contract − paid; null unless priced and remitted. */
    public Money shortfall() {
        if (expectation == null || !expectation.priced() || !claim.remitted()) {
            return null;
        }
        return expectation.expected().minus(claim.paid());
    }

    /** Paid below the contract by more than the tolerance. */
    public boolean underpaid(Money tolerance) {
        Money s = shortfall();
        return s != null && s.isGreaterThan(tolerance);
    }

    /** Paid plus patient pay below what the pharmacy paid for the quantity dispensed. */
    public boolean belowCost() {
        return acquisitionCost != null && claim.remitted()
                && claim.paid().plus(claim.patientPay()).isLessThan(acquisitionCost);
    }

    /** Acquisition cost − (paid + patient pay); null unless below cost. */
    public Money belowCostBy() {
        return belowCost() ? acquisitionCost.minus(claim.paid().plus(claim.patientPay())) : null;
    }
}
