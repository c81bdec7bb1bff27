package org.rxledger.core.posting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.matching.PaymentMatching;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.remit.ImportStages;
import org.rxledger.core.remit.ImportedRemittance;
import org.rxledger.core.remit.PostImportStep;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs inside the import transaction after an 835 is stored: every payment is matched, and posted
 * at once unless its payer is set to "review first" or too few of its claim payments matched
 * ({@link AutoPostGuard}: such a payment is held, with the reason, for a clerk). A posting that does not
 * balance throws, and the whole import rolls back.
 */
public final class MatchAndPostStep implements PostImportStep {

    /** Journal event: automatic posting held back by {@link AutoPostGuard}. */
    public static final String EVENT_HELD = "remittance.posting_held";

    private static final Logger LOG = LoggerFactory.getLogger(MatchAndPostStep.class);

    @Override
    public void afterImport(Tx tx, ImportedRemittance imported) {
        ImportStages stages = imported.stages();
        PayerDirectoryService.EvidenceMemo evidence = new PayerDirectoryService.EvidenceMemo();
        for (long paymentId : imported.paymentIds()) {
            long matchStarted = System.nanoTime();
            PaymentMatching.Summary matching = MatchingService.matchPayment(tx, paymentId, evidence);
            PostingRepository.PaymentHeader header = tx.port(PostingRepository.class).payment(paymentId).orElseThrow();
            PostingMode mode = tx.port(MatchRepository.class).settings(header.payerName())
                    .map(PayerRemitSettings::postingMode).orElse(PostingMode.AUTOMATIC);
            stages.add(ImportStages.Stage.MATCH, System.nanoTime() - matchStarted);
            if (mode != PostingMode.AUTOMATIC) {
                continue;
            }
            Optional<String> held = AutoPostGuard.holdReason(matching);
            if (held.isPresent()) {
                long holding = System.nanoTime();
                tx.port(PostingRepository.class).holdPosting(paymentId, held.get());
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("paymentId", paymentId);
                payload.put("trace", header.traceNumber());
                payload.put("claims", matching.claims());
                payload.put("matched", matching.matched());
                tx.port(Journal.class).append(EVENT_HELD, payload);
                tx.port(AuditTrail.class).record("REMIT_POSTING_HELD", "payment", String.valueOf(paymentId), payload);
                LOG.info("payment {} (trace {}): not posted automatically, {} of {} claim payment(s) matched", paymentId,
                        header.traceNumber(), matching.matched(), matching.claims());
                stages.add(ImportStages.Stage.MATCH, System.nanoTime() - holding);
            } else {
                long started = System.nanoTime();
                PostingResult r = RemittancePosting.post(tx, paymentId);
                stages.add(ImportStages.Stage.POST, System.nanoTime() - started);
                LOG.info("payment {} (trace {}): posted {} ledger entries in {} ms", paymentId, header.traceNumber(),
                        r.entries(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
