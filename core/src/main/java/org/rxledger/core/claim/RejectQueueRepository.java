package org.rxledger.core.claim;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the reject follow-up work queue. */
public interface RejectQueueRepository {

    /** Opens follow-ups for rejected claims (one each), due on the given dates (paired by position). */
    void open(List<Long> claimIds, List<LocalDate> dueDates);

    Optional<RejectFollowUp> find(long id);

    Optional<RejectFollowUp> forClaim(long claimId);

    /** Saves owner, due date, status, note and resolving claim of an existing follow-up. */
    void update(RejectFollowUp followUp);

    /** Every follow-up with its claim, soonest due first. */
    List<RejectQueueRow> rows();
}
