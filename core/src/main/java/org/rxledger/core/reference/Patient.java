package org.rxledger.core.reference;

import java.time.LocalDate;

/** A patient (AM01). PHI: never log anything but {@code id}. */
public record Patient(long id, String firstName, String lastName, LocalDate dateOfBirth, Gender gender) {

    public enum Gender {
        /** 305-C5 = 0 */
        UNSPECIFIED,
        /** 305-C5 = 1 */
        MALE,
        /** 305-C5 = 2 */
        FEMALE
    }

    /** "TESTPATIENT, ALPHA" — the form clerks search and sort by. */
    public String displayName() {
        return lastName + ", " + firstName;
    }
}
