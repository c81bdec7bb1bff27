package org.rxledger.core.reporting;

import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.tx.Transactions;

/**
 * One stored 835 payment with everything its printed remittance advice (EOB) shows: the payment,
 * its claims in file order, their CAS adjustments and the PLB items.
 */
public record PaymentAdvice(RemittancePaymentRow payment, List<RemittanceClaimRow> claims,
                            List<RemittanceAdjustmentRow> adjustments, List<ProviderAdjustmentRow> providerAdjustments) {

    public PaymentAdvice {
        claims = List.copyOf(claims);
        adjustments = List.copyOf(adjustments);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    /** Every stored payment with trace number {@code trace} (usually one), in one read transaction. */
    public static List<PaymentAdvice> withTrace(Transactions transactions, String trace) {
        return transactions.read(tx -> {
            ReportingRepository data = tx.port(ReportingRepository.class);
            List<PaymentAdvice> advices = new ArrayList<>();
            for (RemittancePaymentRow p : data.paymentsWithTrace(trace)) {
                List<RemittanceClaimRow> claims = new ArrayList<>();
                List<RemittanceAdjustmentRow> adjustments = new ArrayList<>();
                List<ProviderAdjustmentRow> plb = new ArrayList<>();
                data.claimsOfPayment(p.paymentId(), claims::add);
                data.adjustmentsOfPayment(p.paymentId(), adjustments::add);
                data.providerAdjustmentsOfPayment(p.paymentId(), plb::add);
                advices.add(new PaymentAdvice(p, claims, adjustments, plb));
            }
            return advices;
        });
    }
}
