package org.rxledger.core.search;

import java.util.List;

/**
 * Port: the set-based look-ups of the global search, each on an indexed column and cut off at {@code limit} rows,
 * so a keystroke never reads a whole table.
 */
public interface SearchRepository {

    /** Claims whose Rx number starts with {@code rxPrefix}, newest date of service first. */
    List<SearchHit> claimsByRx(String rxPrefix, int limit);

    /** Claims whose cardholder id is exactly {@code cardholderId} (upper case), newest first. */
    List<SearchHit> claimsByCardholder(String cardholderId, int limit);

    /** Claims of the patients {@link #patientsByName} finds, newest first. */
    List<SearchHit> claimsByPatient(List<String> nameTokens, int limit);

    /** Payments whose trace (check or EFT) number starts with {@code tracePrefix}, newest payment date first. */
    List<SearchHit> paymentsByTrace(String tracePrefix, int limit);

    /** Audit cases whose audit id starts with {@code auditIdPrefix} (any case). */
    List<SearchHit> auditCasesById(String auditIdPrefix, int limit);

    /**
     * Patients whose names start with the tokens (one token: last or first name; two: both, in either order), as
     * their patient accounts.
     */
    List<SearchHit> patientsByName(List<String> nameTokens, int limit);

    /** The patient account {@code P<id>} if that patient exists. */
    List<SearchHit> patientById(long patientId);

    /** House-charge accounts whose code starts with {@code codePrefix} (upper case). */
    List<SearchHit> houseAccounts(String codePrefix, int limit);
}
