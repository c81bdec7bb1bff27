package org.rxledger.core.remit;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * A stored remittance claim as a list row (no PHI: names and member ids are left out; read
 * {@link RemittanceRepository#rawSegments} when a screen must show what the payer sent).
 */
public record RemitClaimSummary(long id, long paymentId, int seq, String patientControlNumber, String status,
                                Money charge, Money paid, Money patientResponsibility,
                                String payerClaimControlNumber, LocalDate serviceDate, String ndc,
                                MatchStatus matchStatus, Long matchedClaimId, boolean denied) {
}
