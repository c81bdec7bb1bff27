package org.rxledger.core.reporting;

import java.util.List;
import java.util.function.Consumer;
import org.rxledger.core.claim.ClaimSummary;

/**
 * Port: the set-based queries behind the Excel reports. Each method streams its rows, in report
 * order, to {@code sink} and returns how many it sent.
 */
public interface ReportingRepository {

    /** Claims register: adjudications with date of service in the period, newest first. */
    long claimSummaries(ReportPeriod period, Consumer<ClaimSummary> sink);

    /** The patients of the claims register's claims (by internal id, for the disclosure log). */
    List<Long> patientsOfClaims(ReportPeriod period);

    /** The patients of the claims one payment was matched to (by internal id, for the disclosure log of an EOB). */
    List<Long> patientsOfPayment(long paymentId);

    /** 835 payments with payment date in the period, by payment date then trace number. */
    long remittancePayments(ReportPeriod period, Consumer<RemittancePaymentRow> sink);

    /** The CLP claims of those payments, in payment then file order. */
    long remittanceClaims(ReportPeriod period, Consumer<RemittanceClaimRow> sink);

    /** The CAS adjustments of those claims (claim level and service-line level). */
    long remittanceAdjustments(ReportPeriod period, Consumer<RemittanceAdjustmentRow> sink);

    /** The PLB items of those payments. */
    long providerAdjustments(ReportPeriod period, Consumer<ProviderAdjustmentRow> sink);

    /** Denied 835 claims (by payment date) and NCPDP rejects (by date of service), one row each. */
    long denials(ReportPeriod period, Consumer<DenialRow> sink);

    /** {@link #denials} grouped by source, code and payer; largest count first. */
    long denialsByCodeAndPayer(ReportPeriod period, Consumer<DenialGroupRow> sink);

    /** Stored payments with this TRN02 trace (or check) number; several when payers reuse numbers. */
    List<RemittancePaymentRow> paymentsWithTrace(String traceNumber);

    /** The CLP claims of one payment, in file order (for the EOB printout). */
    long claimsOfPayment(long paymentId, Consumer<RemittanceClaimRow> sink);

    /** The CAS adjustments of one payment's claims, in file order. */
    long adjustmentsOfPayment(long paymentId, Consumer<RemittanceAdjustmentRow> sink);

    /** The PLB items of one payment. */
    long providerAdjustmentsOfPayment(long paymentId, Consumer<ProviderAdjustmentRow> sink);

    /**
     * The 835 claim payments matched to stored claim {@code claimId} (remit_claim.matched_claim_id),
     * oldest payment first, with their CAS adjustments as "CO-45 16.40; PR-3 10.00".
     */
    List<org.rxledger.core.audit.RemittanceHistory.Line> remittanceLinesOfClaim(long claimId);
}
