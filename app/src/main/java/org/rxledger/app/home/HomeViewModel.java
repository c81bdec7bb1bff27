package org.rxledger.app.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.rxledger.core.kpi.Dashboard;
import org.rxledger.core.kpi.KpiService;

/**
 * The Home area (issue 22; docs/kpi.md): the owner's figures for a date range, read through {@link KpiService} in the
 * background. The payer filter picks one payer's row of the figures already read; the office-wide charts (aging, PLB,
 * denial codes) stay office-wide. A figure clicked opens the area that holds the rows behind it.
 */
public final class HomeViewModel {

    /** Where a figure's rows are worked: the shell opens the matching area. */
    public enum Drill { RECONCILIATION, REMITTANCES, EXCEPTIONS, CONTRACTS, PATIENT_ACCOUNTS }

    /** The default range: the 90 days ending today. */
    static final int DEFAULT_DAYS = 90;

    private final KpiService service;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final Clock clock;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty payer = new SimpleStringProperty(this, "payer", KpiService.ALL_PAYERS);
    private final ObservableList<String> payers = FXCollections.observableArrayList(KpiService.ALL_PAYERS);
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(this, "dashboard");
    private final ObjectBinding<Dashboard.PayerFigures> figures;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Consumer<Drill> onDrill = d -> { };

    public HomeViewModel(KpiService service, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        this.clock = clock;
        LocalDate today = LocalDate.now(clock);
        to.set(today);
        from.set(today.minusDays(DEFAULT_DAYS - 1));
        figures = Bindings.createObjectBinding(() -> {
            Dashboard d = dashboard.get();
            if (d == null) {
                return null;
            }
            return d.payers().stream().filter(p -> p.payer().equals(payer.get())).findFirst().orElse(d.total());
        }, dashboard, payer);
    }

    /** Reads the figures of the range chosen. */
    public void reload() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null) {
            message.set("Choose the first and last day of the period.");
            return;
        }
        if (last.isBefore(first)) {
            message.set("The period ends (" + last + ") before it starts (" + first + ").");
            return;
        }
        message.set("Reading the figures…");
        runner.run("Reading the dashboard", progress -> service.dashboard(first, last), d -> {
            dashboard.set(d);
            String chosen = payer.get();
            payers.setAll(KpiService.ALL_PAYERS);
            d.payers().forEach(p -> payers.add(p.payer()));
            payer.set(payers.contains(chosen) ? chosen : KpiService.ALL_PAYERS);
            message.set("Figures for " + d.from() + " to " + d.to() + "; balances as of the last day.");
        }, failure -> {
            message.set("");
            notices.accept(Failures.explain("reading the dashboard", failure));
        });
    }

    /** The last {@code days} days ending today, read at once. */
    public void lastDays(int days) {
        LocalDate last = LocalDate.now(clock);
        to.set(last);
        from.set(last.minusDays(days - 1));
        reload();
    }

    public void drill(Drill where) {
        onDrill.accept(where);
    }

    public void setOnDrill(Consumer<Drill> onDrill) {
        this.onDrill = onDrill;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty payerProperty() {
        return payer;
    }

    public ObservableList<String> payers() {
        return payers;
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    /** The chosen payer's figures, or every payer's. */
    public ObjectBinding<Dashboard.PayerFigures> figures() {
        return figures;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
