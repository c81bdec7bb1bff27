package org.rxledger.core.audit;

import java.time.LocalDate;

/**
 * A claim line of the audit request, in the auditor's order. {@code claimId} is the stored claim it
 * was resolved to, or null when the pharmacy has no claim with that Rx, fill and date of service:
 * such a line stays on the case and becomes an exception in the packet (DOMAIN.md §5.5 item 4).
 */
public record RequestedClaim(long id, long caseId, int lineNo, String rxNumber, int fillNumber,
                             LocalDate dateOfService, Long claimId) {

    public boolean isKnown() {
        return claimId != null;
    }

    /** "7001234-02" as clerks and auditors write it. */
    public String rxFill() {
        return rxNumber + "-" + String.format("%02d", fillNumber);
    }
}
