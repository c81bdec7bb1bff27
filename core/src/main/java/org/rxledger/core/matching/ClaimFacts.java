package org.rxledger.core.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;

/**
 * What matching needs to know about a stored claim — a slim row, so that the claims of a large
 * remittance fit in memory at once (no database round trip per remitted claim).
 *
 * @param bin               with {@code pcn} and {@code groupId}: the routing the payer directory resolves the
 *                          claim's payer from (null when not loaded)
 * @param otherCoverageCode NCPDP 308-C8: 1 = no other coverage (billed as primary), 2–4 and 8 = billed after
 *                          another payer (COB secondary or later); 0 or null = not stated
 */
public record ClaimFacts(long claimId, String rx, int fill, LocalDate dateOfService, String authorizationNumber,
                         String cardholderId, String ndc, BigDecimal quantity, Money planPaid, Money patientPay,
                         Money grossAmountDue, String payerName, ResponseStatus responseStatus, Lifecycle lifecycle,
                         String bin, String pcn, String groupId, String otherCoverageCode) {

    /** A claim without routing or COB facts (payer and COB order are then "not available"). */
    public ClaimFacts(long claimId, String rx, int fill, LocalDate dateOfService, String authorizationNumber,
                      String cardholderId, String ndc, BigDecimal quantity, Money planPaid, Money patientPay,
                      Money grossAmountDue, String payerName, ResponseStatus responseStatus, Lifecycle lifecycle) {
        this(claimId, rx, fill, dateOfService, authorizationNumber, cardholderId, ndc, quantity, planPaid, patientPay,
                grossAmountDue, payerName, responseStatus, lifecycle, null, null, null, null);
    }

    /** 1 when billed as primary, 2 when billed after another payer, null when the claim does not say. */
    public Integer cobOrder() {
        if (otherCoverageCode == null) {
            return null;
        }
        return switch (otherCoverageCode.strip()) {
            case "1" -> 1;
            case "2", "3", "4", "8" -> 2;
            default -> null;
        };
    }
}
