package org.rxledger.core.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.money.Money;

/**
 * One movement of money on one account. Entries are never updated or deleted: a correction is a new
 * entry whose {@code reversesEntryId} names the entry it negates.
 *
 * @param sourceType what produced it (e.g. {@code CLAIM}, {@code CLAIM_REVERSAL}, {@code REMIT_CLAIM})
 * @param sourceId   the producing record's id, so every posting can be explained
 */
public record LedgerEntry(UUID entryId, UUID batchId, LedgerAccount account, Money amount, Long claimId,
                          Long patientId, Long payerId, String sourceType, String sourceId, String memo,
                          UUID reversesEntryId, LocalDate effectiveDate, Instant createdAt, String createdBy) {

    /** The entry that cancels this one, in a new batch. */
    public LedgerEntry reversal(UUID newBatchId, String newSourceType, String newSourceId, LocalDate effective,
                                Instant at, String by) {
        return new LedgerEntry(Uuids.timeOrdered(), newBatchId, account, amount.negate(), claimId, patientId, payerId,
                newSourceType, newSourceId, "Reversal: " + memo, entryId, effective, at, by);
    }
}
