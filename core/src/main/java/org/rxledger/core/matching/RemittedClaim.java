package org.rxledger.core.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * What matching reads from one 835 claim payment (CLP loop).
 *
 * @param serviceDate DTM*232 at claim level, else the first service line's DTM*472
 * @param ndc         the first service line's SVC01 N4 product, if any
 * @param quantity    the first service line's SVC05 units, if any
 */
public record RemittedClaim(String payerName, String patientControlNumber, String claimStatus,
                            String payerClaimControlNumber, LocalDate serviceDate, String memberId, String ndc,
                            BigDecimal quantity, Money charge, Money paid, Money patientResponsibility) {

    /** CLP02 = 22: reversal of a previous payment (amounts negated). */
    public boolean isReversal() {
        return "22".equals(claimStatus);
    }
}
