package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;

/**
 * What an import just stored: the file row and its payment rows in file order, and the import's stage clock,
 * which a {@link PostImportStep} charges its matching and posting to.
 */
public record ImportedRemittance(long fileId, String sha256, List<Long> paymentIds, ImportStages stages) {

    public ImportedRemittance {
        paymentIds = List.copyOf(paymentIds);
        Objects.requireNonNull(stages, "stages");
    }

    public ImportedRemittance(long fileId, String sha256, List<Long> paymentIds) {
        this(fileId, sha256, paymentIds, new ImportStages());
    }
}
