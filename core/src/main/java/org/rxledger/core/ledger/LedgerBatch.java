package org.rxledger.core.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.money.Money;

/**
 * Builds the entries of one posting. {@link #entries()} refuses a batch whose amounts do not sum to
 * zero, so an unbalanced posting cannot reach the ledger.
 */
public final class LedgerBatch {

    private final UUID batchId = Uuids.timeOrdered();
    private final String sourceType;
    private final String sourceId;
    private final LocalDate effectiveDate;
    private final Instant createdAt;
    private final String createdBy;
    private final List<LedgerEntry> entries = new ArrayList<>();

    public LedgerBatch(String sourceType, String sourceId, LocalDate effectiveDate, Instant createdAt, String createdBy) {
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.effectiveDate = effectiveDate;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public UUID batchId() {
        return batchId;
    }

    /** Adds an entry; zero amounts are skipped (they explain nothing and clutter the ledger). */
    public LedgerBatch add(LedgerAccount account, Money amount, Long claimId, Long patientId, Long payerId, String memo) {
        if (!amount.isZero()) {
            entries.add(new LedgerEntry(Uuids.timeOrdered(), batchId, account, amount, claimId, patientId, payerId,
                    sourceType, sourceId, memo, null, effectiveDate, createdAt, createdBy));
        }
        return this;
    }

    /**
     * Adds an entry with its own source (e.g. one remittance claim inside the batch of a whole payment),
     * so each entry can be explained and later reversed by source; zero amounts are skipped.
     */
    public LedgerBatch add(LedgerAccount account, Money amount, Long claimId, Long patientId, Long payerId,
                           String entrySourceType, String entrySourceId, String memo) {
        if (!amount.isZero()) {
            entries.add(new LedgerEntry(Uuids.timeOrdered(), batchId, account, amount, claimId, patientId, payerId,
                    entrySourceType, entrySourceId, memo, null, effectiveDate, createdAt, createdBy));
        }
        return this;
    }

    public String sourceType() {
        return sourceType;
    }

    public String sourceId() {
        return sourceId;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** The entries so far, without the zero-sum check (for previews). */
    public List<LedgerEntry> draftEntries() {
        return List.copyOf(entries);
    }

    /** Adds the negation of an earlier entry. */
    public LedgerBatch reverse(LedgerEntry original) {
        entries.add(original.reversal(batchId, sourceType, sourceId, effectiveDate, createdAt, createdBy));
        return this;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<LedgerEntry> entries() {
        Money total = Money.sum(entries.stream().map(LedgerEntry::amount).toList());
        if (!total.isZero()) {
            throw new IllegalStateException("ledger batch " + sourceType + " " + sourceId + " does not balance: "
                    + "entries sum to " + total);
        }
        return List.copyOf(entries);
    }
}
