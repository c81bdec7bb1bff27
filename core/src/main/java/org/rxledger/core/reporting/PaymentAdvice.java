package org.rxledger.core.reporting;

import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.access.Permission;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.tx.Transactions;

/**
 * One stored 835 payment with everything its printed remittance advice (EOB) shows: the payment,
 * its claims in file order, their CAS adjustments and the PLB items.
 */
public record PaymentAdvice(RemittancePaymentRow payment, List<RemittanceClaimRow> claims,
                            List<RemittanceAdjustmentRow> adjustments, List<ProviderAdjustmentRow> providerAdjustments) {

    /** The disclosure log's recipient when the person printing did not say. */
    public static final String RECIPIENT_NOT_STATED = "not stated";

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

    /**
     * Records that this advice was printed or saved for {@code recipient} (issue 16 item 6): a disclosure of
     * the patients of the claims it was matched to, by id. Needs {@link Permission#REPORT_EXPORT}; refused, the
     * caller writes no file.
     */
    public static void recordDisclosure(Transactions transactions, PaymentAdvice advice, String recipient) {
        transactions.inTransaction(Permission.REPORT_EXPORT, "print a remittance advice", tx -> {
            List<Long> patients = tx.port(ReportingRepository.class).patientsOfPayment(advice.payment().paymentId());
            tx.port(DisclosureLog.class).record(Disclosure.Kind.EOB, recipient,
                    "EOB trace " + advice.payment().traceNumber(), patients);
            return null;
        });
    }
}
