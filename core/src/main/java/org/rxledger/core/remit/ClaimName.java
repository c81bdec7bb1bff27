package org.rxledger.core.remit;

import java.util.Objects;

/**
 * An NM1 in loop 2100: QC patient, IL insured, 74 corrected patient, 82 rendering provider, …
 * PHI: never log these values.
 *
 * @param idQualifier NM108 (MI member id, HN, 34 SSN, XX NPI, …)
 */
public record ClaimName(String entityCode, String entityType, String lastName, String firstName, String middleName,
                        String suffix, String idQualifier, String id) {

    public ClaimName {
        Objects.requireNonNull(entityCode, "entityCode");
    }

    public static ClaimName patient(String lastName, String firstName, String memberId) {
        return new ClaimName("QC", "1", lastName, firstName, null, null, memberId == null ? null : "MI", memberId);
    }
}
