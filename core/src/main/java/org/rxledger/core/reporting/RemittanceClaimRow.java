package org.rxledger.core.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One CLP claim of a stored 835 with its payment's trace and payer. No patient names or member ids:
 * the claim is identified by CLP01 (Rx-fill) and the payer's claim control number.
 */
public record RemittanceClaimRow(long remitClaimId, String traceNumber, String payerName, LocalDate paymentDate,
                                 String patientControlNumber, String statusCode, String statusDescription,
                                 Money charge, Money paid, Money patientResponsibility, String payerClaimControlNumber,
                                 LocalDate serviceDate, String ndc, BigDecimal quantity, String matchStatus) {
}
