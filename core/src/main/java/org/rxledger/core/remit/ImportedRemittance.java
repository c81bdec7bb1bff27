package org.rxledger.core.remit;

import java.util.List;

/** What an import just stored: the file row and its payment rows in file order. */
public record ImportedRemittance(long fileId, String sha256, List<Long> paymentIds) {

    public ImportedRemittance {
        paymentIds = List.copyOf(paymentIds);
    }
}
