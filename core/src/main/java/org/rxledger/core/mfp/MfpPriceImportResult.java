package org.rxledger.core.mfp;

import java.util.List;

/** What a price list import did: rows added, rows already known, or the errors (then nothing was stored). */
public record MfpPriceImportResult(int added, int unchanged, List<MfpImportError> errors) {

    public MfpPriceImportResult {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
