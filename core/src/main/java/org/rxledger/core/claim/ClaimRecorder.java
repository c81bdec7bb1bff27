package org.rxledger.core.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Tx;

/**
 * Stores one adjudicated claim with everything that goes with it, inside the caller's transaction:
 * the claim row, its receivables in the ledger, a journal event and an audit record. Every path
 * that creates claims (charge entry, CSV import, demo office) goes through here. A rejected claim also
 * gets its follow-up in the reject work queue ({@link RejectQueue}).
 */
public final class ClaimRecorder {

    public static final String EVENT_CLAIM_RECORDED = "claim.recorded";
    private static final String AUDIT_ACTION = "CLAIM_CREATED";

    private ClaimRecorder() {
    }

    public static Claim record(Tx tx, Claim claim, long payerId) {
        Claim stored = tx.port(ClaimRepository.class).insert(claim);
        ClaimPostings.postAdjudication(tx, stored, payerId);
        tx.port(Journal.class).append(EVENT_CLAIM_RECORDED, payload(stored));
        tx.port(AuditTrail.class).record(AUDIT_ACTION, "claim", String.valueOf(stored.id()), auditDetail(stored));
        RejectQueue.openFor(tx, List.of(stored));
        return stored;
    }

    /**
     * The same as {@link #record} for each claim, written as statement batches (claims, then ledger entries,
     * journal events and audit lines) — for bulk paths such as the demo office, where thousands of single
     * statements would take many seconds. {@code payerIds} pairs with {@code claims} by position.
     */
    public static List<Claim> recordAll(Tx tx, List<Claim> claims, List<Long> payerIds) {
        if (claims.size() != payerIds.size()) {
            throw new IllegalArgumentException(claims.size() + " claims but " + payerIds.size() + " payer ids");
        }
        List<Claim> stored = tx.port(ClaimRepository.class).insertAll(claims);
        List<LedgerBatch> batches = new ArrayList<>();
        List<Map<String, Object>> payloads = new ArrayList<>(stored.size());
        List<AuditTrail.Entry> audit = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            Claim c = stored.get(i);
            ClaimPostings.adjudicationBatch(tx, c, payerIds.get(i)).ifPresent(batches::add);
            payloads.add(payload(c));
            audit.add(new AuditTrail.Entry(AUDIT_ACTION, "claim", String.valueOf(c.id()), auditDetail(c)));
        }
        tx.port(LedgerRepository.class).appendAll(batches);
        tx.port(Journal.class).appendAll(EVENT_CLAIM_RECORDED, payloads);
        tx.port(AuditTrail.class).recordAll(audit);
        RejectQueue.openFor(tx, stored);
        return stored;
    }

    private static Map<String, Object> payload(Claim stored) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claimUuid", stored.uuid());
        payload.put("claimId", stored.id());
        payload.put("rx", stored.rxNumber());
        payload.put("fill", stored.fillNumber());
        payload.put("dateOfService", stored.dateOfService());
        payload.put("bin", stored.bin());
        payload.put("pcn", stored.pcn());
        payload.put("status", String.valueOf(stored.responseStatus().code()));
        payload.put("planPaid", stored.planPaid());
        payload.put("patientPay", stored.patientPay());
        payload.put("source", stored.source().name());
        return payload;
    }

    private static Map<String, Object> auditDetail(Claim stored) {
        return Map.of("source", stored.source().name(), "rx", stored.rxFill(), "transaction", stored.transactionCode(),
                "status", String.valueOf(stored.responseStatus().code()), "channel", stored.channel().name());
    }
}
