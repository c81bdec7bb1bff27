package org.rxledger.core.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** One CAS adjustment (claim or service-line level) with its group, CARC and the CARC's wording. */
public record RemittanceAdjustmentRow(long remitClaimId, String traceNumber, String payerName, LocalDate paymentDate,
                                      String patientControlNumber, String level, String groupCode, String reasonCode,
                                      String reasonDescription, Money amount, BigDecimal quantity) {
}
