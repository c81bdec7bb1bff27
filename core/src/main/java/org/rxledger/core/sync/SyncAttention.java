package org.rxledger.core.sync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import org.rxledger.core.access.Permission;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.tx.Transactions;

/**
 * Use cases of the Sync area (docs/sync.md): read what waits, what is parked and which conflicts were met; settle
 * a conflict with a note, or discard a parked event with a reason (retrying one needs the server:
 * {@link SyncService#retry}). Nothing is changed or removed: a decision is a new row next to what it decides about,
 * and a discarded event stays on the central server.
 */
public final class SyncAttention {

    /** Each list shows at most this many (the newest conflicts and parked events, the oldest waiting events). */
    public static final int LIST_LIMIT = 500;
    private static final int NOTE_LENGTH = 1000;

    private final Transactions transactions;

    public SyncAttention(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    public List<WaitingEvent> waiting() {
        return transactions.read(tx -> tx.port(SyncAttentionRepository.class).waiting(LIST_LIMIT));
    }

    public List<ParkedEvent> parked() {
        return transactions.read(tx -> tx.port(SyncAttentionRepository.class).parked(LIST_LIMIT));
    }

    public List<SyncConflict> conflicts() {
        return transactions.read(tx -> tx.port(SyncAttentionRepository.class).conflicts(LIST_LIMIT));
    }

    /** Marks a conflict item as looked at and settled; the note says what the person did or decided. */
    public void resolve(long conflictSeq, String note) {
        String n = required(note, "a note saying what was decided");
        transactions.inTransaction(Permission.EXCEPTION_WORK, "settle a sync conflict", tx -> {
            SyncAttentionRepository repo = tx.port(SyncAttentionRepository.class);
            SyncConflict c = repo.conflict(conflictSeq).orElseThrow(() -> new RxLedgerException(
                    "SYNC_CONFLICT_UNKNOWN", "Conflict " + conflictSeq + " is not on this workstation."));
            if (!c.open()) {
                throw new RxLedgerException("SYNC_CONFLICT_SETTLED",
                        "Conflict " + conflictSeq + " was already settled by " + c.resolvedBy() + ".");
            }
            repo.resolve(conflictSeq, n, tx.actor().user(), tx.clock().instant());
            return null;
        });
    }

    /** Decides that a parked event is not to be applied here; it leaves the parked list and stays on the server. */
    public void discard(UUID eventId, String reason) {
        discard(repo -> repo.parkedEvent(eventId), "Event " + eventId, reason);
    }

    /** The same, naming the event by the central server's number for it (the command line's). */
    public void discard(long centralSeq, String reason) {
        discard(repo -> repo.parkedEvent(centralSeq), "Event " + centralSeq, reason);
    }

    private void discard(Function<SyncAttentionRepository, Optional<ParkedEvent>> find, String named, String reason) {
        String r = required(reason, "a reason for not applying the event here");
        transactions.inTransaction(Permission.EXCEPTION_WORK, "discard a parked sync event", tx -> {
            SyncAttentionRepository repo = tx.port(SyncAttentionRepository.class);
            ParkedEvent parked = find.apply(repo).orElseThrow(() -> new RxLedgerException("SYNC_EVENT_NOT_PARKED",
                    named + " is not parked here (or was discarded or applied already)."));
            repo.discard(parked.eventId(), r, tx.actor().user(), tx.clock().instant());
            return null;
        });
    }

    private static String required(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new RxLedgerException("SYNC_NOTE_REQUIRED", "Expected " + what + ", found nothing.");
        }
        if (t.length() > NOTE_LENGTH) {
            throw new RxLedgerException("SYNC_NOTE_TOO_LONG", "Expected " + what + " of at most "
                    + NOTE_LENGTH + " characters, found " + t.length() + ".");
        }
        return t;
    }
}
