package org.rxledger.core.contract;

import java.math.BigDecimal;

/**
 * One reimbursement formula of a contract: basis unit price × quantity, adjusted by a signed percent, plus a
 * dispensing fee ("AWP − 17 % + 1.75", "WAC + 2 % + 0.50", "NADAC + 10.49", "MAC × qty + 1.00").
 */
public record Formula(PriceBasis basis, BigDecimal percent, BigDecimal fee) {

    /** As a billing manager writes it: "AWP − 17% + 1.75"; a MAC formula without a percent is "MAC × qty + 1.00". */
    public String label() {
        StringBuilder s = new StringBuilder(basis == PriceBasis.MAC && percent.signum() == 0 ? "MAC × qty" : basis.name());
        if (percent.signum() != 0) {
            s.append(percent.signum() < 0 ? " − " : " + ").append(percent.abs().stripTrailingZeros().toPlainString()).append('%');
        }
        s.append(" + ").append(fee.setScale(2).toPlainString());
        return s.toString();
    }

    public boolean sameAs(Formula other) {
        return basis == other.basis && percent.compareTo(other.percent) == 0 && fee.compareTo(other.fee) == 0;
    }
}
