package org.rxledger.core.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;

/**
 * What matching needs to know about a stored claim — a slim row, so that the claims of a large
 * remittance fit in memory at once (no database round trip per remitted claim).
 */
public record ClaimFacts(long claimId, String rx, int fill, LocalDate dateOfService, String authorizationNumber,
                         String cardholderId, String ndc, BigDecimal quantity, Money planPaid, Money patientPay,
                         Money grossAmountDue, String payerName, ResponseStatus responseStatus, Lifecycle lifecycle) {
}
