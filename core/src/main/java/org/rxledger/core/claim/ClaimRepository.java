package org.rxledger.core.claim;

import java.util.List;
import java.util.Optional;

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

    /** Changes the lifecycle (the caller records the change in the audit trail). */
    void setLifecycle(long id, Lifecycle lifecycle);

    /** All claims as browser rows, newest date of service first. */
    List<ClaimSummary> summaries();

    List<Claim> all();

    long count();
}
