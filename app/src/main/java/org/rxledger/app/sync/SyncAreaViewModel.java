package org.rxledger.app.sync;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.sync.CentralUnreachableException;
import org.rxledger.core.sync.InboundOutcome;
import org.rxledger.core.sync.SyncAttention;
import org.rxledger.core.sync.SyncService;
import org.rxledger.core.sync.ParkedEvent;
import org.rxledger.core.sync.WaitingEvent;
import org.rxledger.core.sync.SyncConflict;

/**
 * The Sync area (issue 17, docs/sync.md): conflict items with both versions and what the sync did, other
 * workstations' events parked here with their reason, and this workstation's events waiting to be sent. A person
 * settles a conflict with a note, or discards a parked event with a reason (both through {@link SyncAttention}), or
 * retries a parked event ({@link SyncService#retry}).
 */
public final class SyncAreaViewModel {

    private final SyncAttention attention;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<SyncConflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<ParkedEvent> parked = FXCollections.observableArrayList();
    private final ObservableList<WaitingEvent> waiting = FXCollections.observableArrayList();
    private final ObjectProperty<SyncConflict> conflict = new SimpleObjectProperty<>(this, "conflict");
    private final ObjectProperty<ParkedEvent> parkedEvent = new SimpleObjectProperty<>(this, "parkedEvent");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty discardReason = new SimpleStringProperty(this, "discardReason", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    /** The sync use case when a central server is saved (a retry reads the event from it), asked on the runner. */
    private final Supplier<Optional<SyncService>> sync;

    public SyncAreaViewModel(SyncAttention attention, Supplier<Optional<SyncService>> sync, TaskRunner runner,
                             Consumer<Notice> notices) {
        this.attention = attention;
        this.sync = sync;
        this.runner = runner;
        this.notices = notices;
    }

    private record Lists(List<SyncConflict> conflicts, List<ParkedEvent> parked, List<WaitingEvent> waiting) {
    }

    /** Reads the three lists again, keeping the selected conflict where it still is. */
    public void reload() {
        reload("");
    }

    /** Reads the lists again; {@code said} (what was just done) leads the summary. */
    private void reload(String said) {
        loading.set(true);
        runner.run("Loading the sync lists", progress -> new Lists(attention.conflicts(), attention.parked(), attention.waiting()),
                lists -> {
                    loading.set(false);
                    Long keep = conflict.get() == null ? null : conflict.get().seq();
                    conflicts.setAll(lists.conflicts());
                    parked.setAll(lists.parked());
                    waiting.setAll(lists.waiting());
                    conflict.set(lists.conflicts().stream().filter(c -> keep != null && c.seq() == keep).findFirst()
                            .orElse(lists.conflicts().isEmpty() ? null : lists.conflicts().get(0)));
                    message.set(said + lists.conflicts().stream().filter(SyncConflict::open).count() + " open conflict(s), "
                            + shown(lists.parked().size()) + " parked, " + shown(lists.waiting().size()) + " waiting to be sent.");
                }, failure -> {
                    loading.set(false);
                    notices.accept(Failures.explain("loading the sync lists", failure));
                });
    }

    /** "500+" when a list is cut at {@link SyncAttention#LIST_LIMIT}. */
    static String shown(int n) {
        return n >= SyncAttention.LIST_LIMIT ? n + "+" : String.valueOf(n);
    }

    /** Settles the selected conflict with the note typed; refused (with a notice) without either. */
    public void resolve() {
        SyncConflict c = conflict.get();
        String n = note.get();
        if (c == null) {
            notices.accept(Notice.error("Select a conflict to settle."));
            return;
        }
        if (!c.open()) {
            notices.accept(Notice.error("This conflict was settled by " + c.resolvedBy() + "."));
            return;
        }
        if (n == null || n.isBlank()) {
            notices.accept(Notice.error("A note is required to settle a conflict: say what you checked or corrected."));
            return;
        }
        runner.run("Settling a sync conflict", progress -> {
            attention.resolve(c.seq(), n);
            return null;
        }, done -> {
            note.set("");
            reload("Conflict " + c.seq() + " (" + c.subject() + ") settled. ");
        }, failure -> notices.accept(Failures.explain("settling the conflict about " + c.subject(), failure)));
    }

    /** Discards the selected parked event with the reason typed; it stays on the central server. */
    public void discard() {
        ParkedEvent p = parkedEvent.get();
        String why = discardReason.get();
        if (p == null) {
            notices.accept(Notice.error("Select a parked event to discard."));
            return;
        }
        if (why == null || why.isBlank()) {
            notices.accept(Notice.error("A reason is required to discard a parked event."));
            return;
        }
        runner.run("Discarding a parked event", progress -> {
            attention.discard(p.eventId(), why);
            return null;
        }, done -> {
            discardReason.set("");
            reload("The " + p.type() + " event from " + p.originName() + " is discarded here. ");
        }, failure -> notices.accept(Failures.explain("discarding the parked event", failure)));
    }

    /**
     * Applies the selected parked event again (after an upgrade, or once what made it fail is corrected here); it
     * leaves the list when applied, and stays with the new reason when not.
     */
    public void retry() {
        ParkedEvent p = parkedEvent.get();
        if (p == null) {
            notices.accept(Notice.error("Select a parked event to retry."));
            return;
        }
        runner.run("Retrying a parked event", progress -> {
            SyncService service = sync.get().orElseThrow(() -> new RxLedgerException("SYNC_NOT_CONNECTED",
                    "this workstation is not connected to a central server (rxledger sync connect)"));
            try {
                return service.retry(p.centralSeq());
            } catch (CentralUnreachableException e) {
                throw new RxLedgerException("SYNC_UNREACHABLE", "the central server cannot be reached; nothing was "
                        + "changed. Try again when the status bar says the server is back", e);
            }
        }, r -> reload(r.outcome() == InboundOutcome.PARKED
                ? "The " + p.type() + " event from " + p.originName() + " is still parked: " + r.reason() + ". "
                : "The " + p.type() + " event from " + p.originName() + " is applied here (" + r.reason() + "). "),
                failure -> notices.accept(Failures.explain("retrying the parked event", failure)));
    }

    public ObservableList<SyncConflict> conflicts() {
        return conflicts;
    }

    public ObservableList<ParkedEvent> parked() {
        return parked;
    }

    public ObservableList<WaitingEvent> waiting() {
        return waiting;
    }

    public ObjectProperty<SyncConflict> conflictProperty() {
        return conflict;
    }

    public ObjectProperty<ParkedEvent> parkedEventProperty() {
        return parkedEvent;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty discardReasonProperty() {
        return discardReason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
