package org.rxledger.core.payer;

import java.util.List;

/** What a directory import did: payers created, identities and routings added, or why nothing was written. */
public record PayerImportResult(int payersCreated, int identitiesAdded, int routingsAdded, int unchanged,
                                List<PayerImportError> errors) {

    public PayerImportResult {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
