package org.rxledger.core.deposit;

import java.util.List;

/** What a deposits CSV import did: all rows or none. */
public record DepositImportResult(int imported, int skippedDuplicates, List<DepositImportError> errors) {

    public DepositImportResult {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
