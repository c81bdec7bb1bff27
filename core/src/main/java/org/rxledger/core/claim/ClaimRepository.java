package org.rxledger.core.claim;

import java.util.List;
import java.util.Optional;
import org.rxledger.core.access.IdentifierMask;

/** Port: stored claims. */
public interface ClaimRepository {

    /** Stores a new claim and returns it with its id. */
    Claim insert(Claim claim);

    /** Stores many new claims (in order) and returns them with their ids; adapters may batch. */
    default List<Claim> insertAll(List<Claim> claims) {
        return claims.stream().map(this::insert).toList();
    }

    Optional<Claim> find(long id);

    /** The active (not reversed or rebilled) claim with this key, if any. */
    Optional<Claim> findActive(ClaimKey key);

    /** Every claim of an Rx number, all fills, oldest first. */
    List<Claim> forRx(String rxNumber);

    /** Every claim of one fill of an Rx number (the original and its rebills and reversals), oldest first. */
    default List<Claim> forRxFill(String rxNumber, int fillNumber) {
        return forRx(rxNumber).stream().filter(c -> c.fillNumber() == fillNumber).toList();
    }

    /**
     * The patient's latest claim the payer did not reject (else the latest of any kind): the card a returning
     * patient is billed on. A rejected claim may carry the very cardholder id the payer refused.
     */
    Optional<Claim> latestForPatient(long patientId);

    /**
     * Saves corrected billing data of a stored claim: every column except its identity (id, uuid), its keys
     * (Rx, fill, date of service, BIN, PCN, NDC, patient, plan), lifecycle, source and creation stamp. The
     * caller records the before/after values in the audit trail and re-posts the ledger when amounts change.
     */
    void updateBillingData(Claim claim);

    /** Changes the lifecycle (the caller records the change in the audit trail). */
    void setLifecycle(long id, Lifecycle lifecycle);

    /**
     * All claims as browser rows, newest date of service first, with dates of birth and cardholder ids shown as
     * {@code mask} allows: pass the reader's, {@link org.rxledger.core.tx.Tx#identifierMask()}.
     */
    List<ClaimSummary> summaries(IdentifierMask mask);

    List<Claim> all();

    long count();
}
