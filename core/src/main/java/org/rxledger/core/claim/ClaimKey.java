package org.rxledger.core.claim;

import java.time.LocalDate;

/** Identifies one fill billed to one plan route: re-importing the same key adds nothing. */
public record ClaimKey(String rxNumber, int fillNumber, LocalDate dateOfService, String bin, String pcn) {

    @Override
    public String toString() {
        return "Rx " + rxNumber + " fill " + fillNumber + " on " + dateOfService + " (BIN " + bin + ", PCN " + (pcn.isEmpty() ? "—" : pcn) + ")";
    }
}
