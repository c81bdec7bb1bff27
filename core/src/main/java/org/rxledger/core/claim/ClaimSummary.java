package org.rxledger.core.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One row of the claims browser: the claim with the names a clerk filters by. {@code cardholderId} and
 * {@code dateOfBirth} are display text, already masked for the reader ({@link org.rxledger.core.access.IdentifierMask}).
 */
public record ClaimSummary(long id, String rxNumber, int fillNumber, LocalDate dateOfService, String patientName,
                           String payerName, String planName, String bin, String ndc, String drugName,
                           BigDecimal quantity, int daysSupply, ClaimStatus status, String rejectCodes,
                           Money grossAmountDue, Money planPaid, Money patientPay, String authorizationNumber,
                           Channel channel, String cardholderId, String dateOfBirth) {
}
