package org.rxledger.core.claim;

import java.util.List;

/**
 * What a claims import did. When {@code errors} is not empty nothing was imported (the file is
 * all-or-nothing, ARCHITECTURE.md rule 4) and both counts are zero.
 *
 * @param imported           claims recorded by this import
 * @param skippedDuplicates  rows whose claim (same Rx, fill, date of service, BIN, PCN) was already stored
 */
public record ClaimImportResult(String file, int imported, int skippedDuplicates, List<ClaimImportError> errors) {

    public ClaimImportResult {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    static ClaimImportResult refused(String file, List<ClaimImportError> errors) {
        return new ClaimImportResult(file, 0, 0, errors);
    }
}
