package org.rxledger.app.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.sync.AutoSync;
import org.rxledger.core.sync.SyncReport;
import org.rxledger.core.sync.SyncService;
import org.rxledger.core.sync.SyncStatus;

/**
 * The status bar's sync state (issue 17, docs/sync.md). Reading it only asks the local database: online or
 * offline is the last run's outcome, so a refresh every minute never waits on the network; only
 * {@link #syncNow()} and the schedule ({@link AutoSync}, its own thread) talk to the central server; the
 * schedule's outcomes come back to the FX thread through {@code fx}.
 */
public final class SyncIndicator {

    static final String NOT_SET_UP = "Sync: not set up";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_S = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<Optional<SyncService>> sync;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Sync: …");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final AutoSync auto;
    private boolean reading;
    /** When the schedule tries again after failed runs; null while the last scheduled run reached the server. */
    private Instant nextTry;

    SyncIndicator(Supplier<Optional<SyncService>> sync, TaskRunner runner, Consumer<Notice> notices, ZoneId zone) {
        this(sync, runner, notices, zone, null, Runnable::run);
    }

    /**
     * @param schedule how often to sync by itself and how to back off; null for no schedule (Ctrl+Shift+Y only)
     * @param fx       runs the schedule's outcomes on the FX thread ({@code Platform::runLater})
     */
    SyncIndicator(Supplier<Optional<SyncService>> sync, TaskRunner runner, Consumer<Notice> notices, ZoneId zone,
                  AutoSync.Policy schedule, Executor fx) {
        this.sync = sync;
        this.runner = runner;
        this.notices = notices;
        this.zone = zone;
        this.auto = new AutoSync(sync, schedule == null ? AutoSync.Policy.DEFAULT : schedule, new Random(),
                outcome -> fx.execute(() -> scheduled(outcome)));
        if (schedule != null) {
            auto.start();
        }
    }

    /** Stops the schedule (window closing). */
    void stop() {
        auto.close();
    }

    private void scheduled(AutoSync.Outcome outcome) {
        if (outcome.failure() != null) {
            text.set("Sync: failed · retrying");
            detail.set("The last automatic sync failed: " + outcome.failure().getMessage() + ". Next try at "
                    + TIME_S.format(Instant.now().plus(outcome.nextIn()).atZone(zone)) + "; Ctrl+Shift+Y tries now.");
            return;
        }
        // kept, so that a state read between two runs (every minute, F5) still says when the next try is
        nextTry = outcome.status().isPresent() && outcome.failuresInARow() > 0 ? Instant.now().plus(outcome.nextIn()) : null;
        show(outcome.status());
    }

    /** Reads the state again in the background (every minute and on F5); a read still under way is not doubled. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        runner.run("Reading the sync state", progress -> sync.get().map(SyncService::status), status -> {
            reading = false;
            show(status);
        }, failure -> {
            reading = false;
            text.set("Sync: state unknown");
            detail.set("The sync state could not be read: " + failure.getMessage());
        });
    }

    /** Ctrl+Shift+Y: push and pull once; the outcome is a notice, the state is read again after it. */
    public void syncNow() {
        runner.run("Synchronising with the central server", progress -> {
                    AutoSync.Outcome ran = auto.runNow();
                    if (ran.failure() instanceof RuntimeException e) {
                        throw e;
                    }
                    return ran.report().map(r -> new Outcome(r, ran.status().orElseThrow()));
                },
                outcome -> {
                    if (outcome.isEmpty()) {
                        show(Optional.empty());
                        notices.accept(new Notice(Notice.Kind.WARNING, "Sync is not set up", "This workstation has no "
                                + "central server. Connect one with: rxledger sync connect --url JDBC_URL --db-user USER"));
                        return;
                    }
                    show(Optional.of(outcome.get().status()));
                    SyncReport r = outcome.get().report();
                    notices.accept(r.outcome() == SyncReport.Outcome.UNREACHABLE
                            ? new Notice(Notice.Kind.WARNING, "Central server unreachable", "Nothing is lost: "
                                    + waiting(outcome.get().status().waiting()) + " and will be sent on the next sync.")
                            : Notice.info("Synchronised", "The central server was reached: " + r.message() + "."));
                }, failure -> {
                    refresh();
                    notices.accept(Failures.explain("synchronising with the central server", failure));
                });
    }

    private void show(Optional<SyncStatus> status) {
        if (status.isEmpty()) {
            text.set(NOT_SET_UP);
            detail.set("No central server is configured: everything is saved in the local database only. "
                    + "Connect one with rxledger sync connect (docs/sync.md).");
            return;
        }
        SyncStatus s = status.get();
        String last = s.lastSync() == null ? "never synced" : "last " + time(s.lastSync());
        text.set(Boolean.FALSE.equals(s.online())
                ? "Sync: offline · " + s.waiting() + " waiting"
                : "Sync: " + s.waiting() + " waiting · " + last);
        detail.set((s.online() == null ? "Not synchronised yet. " : "")
                + (s.lastMessage() == null ? "" : "Last run: " + s.lastMessage() + ". ")
                + "Ctrl+Shift+Y synchronises now."
                + (nextTry == null || !Boolean.FALSE.equals(s.online()) ? ""
                        : " Next automatic try at " + TIME_S.format(nextTry.atZone(zone)) + "."));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private static String waiting(long n) {
        return n == 1 ? "1 event waits to be sent" : n + " events wait to be sent";
    }

    /** "Sync: 3 waiting · last 14:02", "Sync: offline · 3 waiting" or "Sync: not set up". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The tooltip: the last run's message and the shortcut. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    private record Outcome(SyncReport report, SyncStatus status) {
    }
}
