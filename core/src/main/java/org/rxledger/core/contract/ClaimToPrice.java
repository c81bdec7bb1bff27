package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * What pricing a claim under its contract needs: routing, product, quantity, the submitted amounts for the
 * lesser-of test, the adjudication and what the 835s paid.
 *
 * @param submitted gross amount due (430-DU) as submitted
 * @param adjudicated plan paid at adjudication (509-F9) while the claim is active
 * @param paid net of every matched claim payment and PLB takeback tied to the claim; null when nothing was remitted
 */
public record ClaimToPrice(long claimId, String rx, int fill, LocalDate dateOfService, String payer, String bin,
                           String pcn, String groupId, String ndc, boolean brand, BigDecimal quantity,
                           Money usualAndCustomary, Money submitted, Money patientPay, Money adjudicated, Money paid) {

    public boolean remitted() {
        return paid != null;
    }
}
