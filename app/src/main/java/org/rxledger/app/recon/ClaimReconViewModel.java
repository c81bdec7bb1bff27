package org.rxledger.app.recon;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService;

/**
 * The Claims tab: every claim with a receivable, its expected plan payment, net paid and status. A status
 * filter (null = all) and an Rx/payer search narrow the table; the totals follow what is shown.
 */
public final class ClaimReconViewModel {

    private final ReconciliationService service;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<ReconciliationService.ClaimRecon> all = FXCollections.observableArrayList();
    private final FilteredList<ReconciliationService.ClaimRecon> shown = new FilteredList<>(all, c -> true);
    private final ObjectProperty<ReconStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");

    public ClaimReconViewModel(ReconciliationService service, TaskRunner runner, Consumer<Notice> notices) {
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        status.addListener((o, was, now) -> refilter());
        search.addListener((o, was, now) -> refilter());
    }

    public void reload() {
        runner.run("Reconciling claims", progress -> service.claims(), rows -> {
            all.setAll(rows);
            refilter();
        }, failure -> notices.accept(Failures.explain("reconciling claims", failure)));
    }

    private void refilter() {
        ReconStatus s = status.get();
        String q = search.get() == null ? "" : search.get().strip().toUpperCase(Locale.ROOT);
        shown.setPredicate(c -> (s == null || c.status() == s)
                && (q.isEmpty() || c.rx().toUpperCase(Locale.ROOT).contains(q) || c.payerName().toUpperCase(Locale.ROOT).contains(q)));
        Money expected = Money.ZERO;
        Money paid = Money.ZERO;
        for (ReconciliationService.ClaimRecon c : shown) {
            expected = expected.plus(c.expected());
            paid = paid.plus(c.paid());
        }
        totals.set(Formats.count(shown.size()) + " of " + Formats.count(all.size()) + " claims · expected "
                + Formats.money(expected) + " · paid " + Formats.money(paid) + " · variance " + Formats.money(paid.minus(expected)));
    }

    public ObservableList<ReconciliationService.ClaimRecon> claims() {
        return shown;
    }

    /** The status shown; null = every status. */
    public ObjectProperty<ReconStatus> statusProperty() {
        return status;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }
}
