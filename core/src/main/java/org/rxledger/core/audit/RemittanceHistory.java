package org.rxledger.core.audit;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * Port: the 835 remittance lines paid against a claim, for the packet's optional "Remittance lines"
 * section (proof of what the PBM actually paid, DOMAIN.md §2, §5.5 a).
 *
 * <p>The 835 import ({@code org.rxledger.core.remit}) is being built separately; until it lands,
 * {@link #NONE} is used and the section is simply left out of the packet. The remit side implements
 * this interface (one lookup by claim id) and the composition root passes it to
 * {@link AuditPacketAssembler}; nothing else in the audit code changes.
 */
@FunctionalInterface
public interface RemittanceHistory {

    /** No remittance data: the packet has no "Remittance lines" section. */
    RemittanceHistory NONE = claimId -> List.of();

    /** Remittance lines matched to the stored claim {@code claimId}, oldest payment first; empty if none. */
    List<Line> forClaim(long claimId);

    /**
     * One CLP (claim payment) of an 835 as the auditor needs to see it.
     *
     * @param payerName          N1*PR
     * @param paymentReference   TRN02 check or EFT trace number
     * @param paymentDate        BPR16
     * @param claimStatusCode    CLP02 (1 processed as primary, 22 reversal, …)
     * @param charged            CLP03
     * @param paid               CLP04
     * @param patientResponsibility CLP05
     * @param adjustments        CAS group/reason/amount triples in readable form, e.g. "CO-45 4.10"
     */
    record Line(String payerName, String paymentReference, LocalDate paymentDate, String claimStatusCode,
                Money charged, Money paid, Money patientResponsibility, String adjustments) {
    }
}
