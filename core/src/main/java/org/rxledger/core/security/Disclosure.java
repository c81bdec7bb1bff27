package org.rxledger.core.security;

import java.time.Instant;
import java.util.List;

/**
 * One disclosure of patient data outside the office (HIPAA accounting of disclosures, DOMAIN.md §9): who
 * disclosed what to whom, and which patients — by internal patient id, so the log itself names nobody.
 */
public record Disclosure(long id, Instant disclosedAt, String user, String workstation, Kind kind, String recipient,
                         String reference, List<Long> patientIds) {

    public enum Kind { AUDIT_PACKET, EOB, REPORT }

    public Disclosure {
        patientIds = List.copyOf(patientIds);
    }
}
