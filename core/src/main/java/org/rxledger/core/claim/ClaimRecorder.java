package org.rxledger.core.claim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.core.tx.Tx;

/**
 * Stores one adjudicated claim with everything that goes with it, inside the caller's transaction:
 * the claim row, its receivables in the ledger, a journal event and an audit record. Every path
 * that creates claims (charge entry, CSV import, demo office) goes through here.
 */
public final class ClaimRecorder {

    public static final String EVENT_CLAIM_RECORDED = "claim.recorded";

    private ClaimRecorder() {
    }

    public static Claim record(Tx tx, Claim claim, long payerId) {
        Claim stored = tx.claims().insert(claim);
        ClaimPostings.postAdjudication(tx, stored, payerId);
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
        tx.journal().append(EVENT_CLAIM_RECORDED, payload);
        tx.audit().record("CLAIM_CREATED", "claim", String.valueOf(stored.id()),
                Map.of("source", stored.source().name(), "rx", stored.rxFill()));
        return stored;
    }
}
