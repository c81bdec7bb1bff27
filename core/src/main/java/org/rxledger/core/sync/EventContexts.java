package org.rxledger.core.sync;

import org.rxledger.core.journal.Journal;
import org.rxledger.core.journal.JournalEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimValues;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.RemittancePosting;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reference.ReferenceRepository;

/**
 * Push side of ADR 0021: what another workstation needs to apply an event, read from this workstation's
 * rows when the event is sent. Journal payloads carry local ids (a payment id, a claim id) that mean nothing
 * elsewhere; the context carries business keys instead — the 835's SHA-256 (its bytes travel as a blob),
 * a payment's payer + trace + amount, a claim's field values. The rows read are the immutable facts of an
 * import or the claim as stored now.
 */
final class EventContexts {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventContexts() {
    }

    /**
     * Journal events read around a batch to tie automatic postings to their import: an import's own
     * transaction posts its payments before it appends {@code remittance.imported}, so those postings travel
     * with the import (the receiver posts the same payments as it imports) rather than arriving first.
     */
    static final int IMPORT_WINDOW = 5000;

    static List<OutboundEvent> outbound(Tx tx, List<JournalEvent> batch) {
        long first = batch.get(0).seq();
        long last = batch.get(batch.size() - 1).seq();
        long from = Math.max(0, first - IMPORT_WINDOW - 1);
        ImportLinks links = ImportLinks.of(tx.port(Journal.class).since(from, (int) Math.min(Integer.MAX_VALUE, last - from + IMPORT_WINDOW)));
        return batch.stream().map(e -> outbound(tx, e, links)).toList();
    }

    private static OutboundEvent outbound(Tx tx, JournalEvent e, ImportLinks links) {
        JsonNode payload = parse(e.payload());
        return switch (e.type()) {
            case RemittanceImportService.EVENT_IMPORTED -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("sha256", payload.path("sha256").asText());
                c.put("fileName", payload.path("fileName").asText());
                List<Map<String, Object>> posted = new ArrayList<>();
                for (JsonNode p : payload.path("payments")) {
                    if (links.postedBefore(p.path("paymentId").asLong(), e.seq())) {
                        paymentKey(tx, p.path("paymentId").asLong()).ifPresent(posted::add);
                    }
                }
                c.put("postedWithImport", posted);
                yield new OutboundEvent(e, write(c), payload.path("sha256").asText());
            }
            case RemittancePosting.EVENT_POSTED, RemittancePosting.EVENT_UNPOSTED -> {
                long paymentId = payload.path("paymentId").asLong();
                Optional<Map<String, Object>> key = paymentKey(tx, paymentId);
                key.ifPresent(k -> k.put("withImport", links.importedAfter(paymentId, e.seq())));
                yield new OutboundEvent(e, key.map(EventContexts::write).orElse(null), null);
            }
            case ClaimRecorder.EVENT_CLAIM_RECORDED -> new OutboundEvent(e, claimValues(tx, payload.path("claimId").asLong())
                    .map(EventContexts::write).orElse(null), null);
            default -> new OutboundEvent(e, null, null);
        };
    }

    static String keyOf(String payerIdentifier, String trace, String amount) {
        return (payerIdentifier == null ? "" : payerIdentifier) + "|" + trace + "|" + Money.parse(amount).amount().toPlainString();
    }

    private static Optional<Map<String, Object>> paymentKey(Tx tx, long paymentId) {
        return tx.port(PostingRepository.class).payment(paymentId).map(EventContexts::paymentKey);
    }

    private static Map<String, Object> paymentKey(PostingRepository.PaymentHeader h) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("payerName", h.payerName());
        c.put("payerIdentifier", h.payerIdentifier());
        c.put("trace", h.traceNumber());
        c.put("amount", h.amount().amount().toPlainString());
        return c;
    }

    /** Which payment each import in the window stored, and where each posting falls. */
    private record ImportLinks(Map<Long, Long> importSeqOfPayment, Map<Long, List<Long>> postedSeqsOfPayment) {

        static ImportLinks of(List<JournalEvent> window) {
            Map<Long, Long> imports = new HashMap<>();
            Map<Long, List<Long>> posted = new HashMap<>();
            for (JournalEvent e : window) {
                if (e.user().startsWith(SyncStore.SYNC_USER_PREFIX)) {
                    continue;
                }
                if (e.type().equals(RemittanceImportService.EVENT_IMPORTED)) {
                    for (JsonNode p : parse(e.payload()).path("payments")) {
                        imports.put(p.path("paymentId").asLong(), e.seq());
                    }
                } else if (e.type().equals(RemittancePosting.EVENT_POSTED)) {
                    posted.computeIfAbsent(parse(e.payload()).path("paymentId").asLong(), k -> new ArrayList<>()).add(e.seq());
                }
            }
            return new ImportLinks(imports, posted);
        }

        /** The payment was posted before its import event: within the import's transaction. */
        boolean postedBefore(long paymentId, long importSeq) {
            return postedSeqsOfPayment.getOrDefault(paymentId, List.of()).stream().anyMatch(s -> s < importSeq);
        }

        boolean importedAfter(long paymentId, long postingSeq) {
            Long imported = importSeqOfPayment.get(paymentId);
            return imported != null && imported > postingSeq;
        }
    }

    private static Optional<Map<String, Object>> claimValues(Tx tx, long claimId) {
        Optional<Claim> claim = tx.port(ClaimRepository.class).find(claimId);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Claim c = claim.get();
        var patient = tx.port(ReferenceRepository.class).patient(c.patientId());
        var prescriber = tx.port(ReferenceRepository.class).prescriber(c.prescriberId());
        if (patient.isEmpty() || prescriber.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<ClaimField, String> v : ClaimValues.of(c, patient.get(), prescriber.get()).entrySet()) {
            values.put(v.getKey().column(), v.getValue() == null ? "" : v.getValue());
        }
        return Optional.of(Map.of("claim", values));
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sync context cannot be written as JSON", e);
        }
    }
}
