package org.rxledger.core.posting;

import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.remit.ImportedRemittance;
import org.rxledger.core.remit.PostImportStep;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs inside the import transaction after an 835 is stored: every payment is matched, and posted
 * at once unless its payer is set to "review first". A posting that does not balance throws, and the
 * whole import rolls back.
 */
public final class MatchAndPostStep implements PostImportStep {

    private static final Logger LOG = LoggerFactory.getLogger(MatchAndPostStep.class);

    @Override
    public void afterImport(Tx tx, ImportedRemittance imported) {
        for (long paymentId : imported.paymentIds()) {
            MatchingService.matchPayment(tx, paymentId);
            PostingRepository.PaymentHeader header = tx.postings().payment(paymentId).orElseThrow();
            PostingMode mode = tx.matches().settings(header.payerName())
                    .map(PayerRemitSettings::postingMode).orElse(PostingMode.AUTOMATIC);
            if (mode == PostingMode.AUTOMATIC) {
                long started = System.nanoTime();
                PostingResult r = RemittancePosting.post(tx, paymentId);
                LOG.info("payment {} (trace {}): posted {} ledger entries in {} ms", paymentId, header.traceNumber(),
                        r.entries(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
