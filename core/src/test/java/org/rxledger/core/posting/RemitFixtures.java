package org.rxledger.core.posting;

import java.math.BigDecimal;
import java.util.List;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.RemittanceBuilder;

final class RemitFixtures {

    private RemitFixtures() {
    }

    /** A payment whose CLP01 and CLP07 name nothing stored. */
    static ClaimPayment unreadable(Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim("PCN-UNKNOWN", "1", charge, p, c.patientPay(), "X-NOPE", c.dateOfService(),
                PostingFixture.NDC, new BigDecimal("30"), "NOBODY", RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()),
                List.of());
    }
}
