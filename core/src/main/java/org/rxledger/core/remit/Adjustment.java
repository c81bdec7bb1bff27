package org.rxledger.core.remit;

import java.math.BigDecimal;
import java.util.Objects;
import org.rxledger.core.money.Money;

/**
 * One CAS triplet (a CAS segment carries up to six): group code (CO, PR, OA, PI — DOMAIN.md §2.4),
 * claim adjustment reason code (CARC, §3.1), amount and optional quantity (null when absent).
 */
public record Adjustment(String group, String reason, Money amount, BigDecimal quantity) {

    public Adjustment {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(amount, "amount");
    }

    public static Adjustment of(String group, String reason, String amount) {
        return new Adjustment(group, reason, Money.parse(amount), null);
    }

    public boolean isPatientResponsibility() {
        return "PR".equals(group);
    }
}
