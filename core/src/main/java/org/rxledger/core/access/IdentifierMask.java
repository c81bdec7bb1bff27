package org.rxledger.core.access;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Minimum necessary (45 CFR 164.502(b), issue 16 item 6): how a list shows a patient's date of birth and
 * cardholder id to the person reading it. One policy for every list row the store produces, so the window,
 * the commands and their JSON cannot disagree.
 *
 * <p>Masked, a cardholder id keeps its last four characters behind five dots ({@code •••••1234}; the number of
 * dots does not give away the id's length, and an id of four characters or fewer shows nothing), and a date of
 * birth keeps only its year ({@code 1961-••-••}, the form the screens show dates in): the year is what HIPAA's
 * de-identification safe harbor lets stand, and the last four digits are enough to tell two patients apart at
 * the desk or on the phone with a plan.
 */
public enum IdentifierMask {
    /** Everything as stored: for roles with {@link Permission#VIEW_FULL_IDENTIFIERS}. */
    FULL,
    /** Last four of the cardholder id, year of birth: everyone else, and nobody signed in. */
    MASKED;

    /** What a masked character shows. */
    public static final char DOT = '\u2022';
    private static final String DOTS = String.valueOf(DOT).repeat(5);

    /** The mask for whoever is signed in; nobody signed in sees masked identifiers. */
    public static IdentifierMask of(Optional<Session> session) {
        return session.filter(s -> s.may(Permission.VIEW_FULL_IDENTIFIERS)).isPresent() ? FULL : MASKED;
    }

    /** {@code •••••1234} masked; {@code ""} for none. */
    public String cardholderId(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String trimmed = id.strip();
        if (this == FULL) {
            return trimmed;
        }
        return trimmed.length() <= 4 ? DOTS : DOTS + trimmed.substring(trimmed.length() - 4);
    }

    /** {@code 1961-03-14} in full, {@code 1961-••-••} masked; {@code ""} for none. */
    public String dateOfBirth(LocalDate date) {
        if (date == null) {
            return "";
        }
        return this == FULL ? date.toString() : String.format("%04d-%c%c-%c%c", date.getYear(), DOT, DOT, DOT, DOT);
    }
}
