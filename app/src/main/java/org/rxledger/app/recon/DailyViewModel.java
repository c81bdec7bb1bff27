package org.rxledger.app.recon;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.RollForwardLine;

/**
 * The Daily tab: one business day's reconciliation. Changing {@link #dateProperty()} loads that day in the
 * background; the roll-forward shows the payer selected in the payer table (all payers by default).
 */
public final class DailyViewModel {

    /** One line of the roll-forward block. */
    public record RollLine(String label, Money amount, boolean balance) {
    }

    private final DailyReconciliationService service;
    private final Clock clock;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final ObservableList<DailyReconciliation.PayerDay> payers = FXCollections.observableArrayList();
    private final ObjectProperty<DailyReconciliation.PayerDay> selectedPayer = new SimpleObjectProperty<>(this, "selectedPayer");
    private final ObservableList<RollLine> rollForward = FXCollections.observableArrayList();
    private final ObservableList<DailyReconciliation.PlbTotal> plb = FXCollections.observableArrayList();
    private final ObservableList<DailyReconciliation.Variance> variances = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper rollForwardTitle = new ReadOnlyStringWrapper(this, "rollForwardTitle", "A/R roll-forward");
    private DailyReconciliation loaded;

    public DailyViewModel(DailyReconciliationService service, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        date.addListener((o, was, now) -> {
            if (now != null && !now.equals(was)) {
                load(now);
            }
        });
        selectedPayer.addListener((o, was, now) -> showRollForward(now));
    }

    /** First visit: the last day with activity (a quiet office shows today). */
    public void shown() {
        if (date.get() != null) {
            load(date.get());
            return;
        }
        runner.run("Finding the last business day", progress -> service.activityRange()
                        .map(r -> r[1]).orElse(LocalDate.now(clock)),
                date::set, failure -> notices.accept(Failures.explain("loading the daily reconciliation", failure)));
    }

    public void reload() {
        if (date.get() != null) {
            load(date.get());
        }
    }

    public void previousDay() {
        if (date.get() != null) {
            date.set(date.get().minusDays(1));
        }
    }

    public void nextDay() {
        if (date.get() != null) {
            date.set(date.get().plusDays(1));
        }
    }

    private void load(LocalDate day) {
        runner.run("Reconciling " + day, progress -> service.day(day), r -> {
            if (!r.date().equals(date.get())) {
                return; // a later day was asked for meanwhile
            }
            loaded = r;
            List<DailyReconciliation.PayerDay> rows = new ArrayList<>(r.payers());
            rows.add(r.total());
            payers.setAll(rows);
            plb.setAll(r.plb());
            variances.setAll(r.variances());
            selectedPayer.set(r.total());
            showRollForward(r.total());
            summary.set(state(r) + " · " + Formats.count(r.total().claims(), "claim", "claims") + " adjudicated · "
                    + Formats.count(r.total().payments(), "payment", "payments") + " received " + Formats.money(r.total().received())
                    + " · posted " + Formats.money(r.total().posted()) + " · deposits " + Formats.count(r.deposits()) + " "
                    + Formats.money(r.deposited()) + " · " + Formats.count(r.variances().size(), "variance", "variances"));
        }, failure -> notices.accept(Failures.explain("reconciling " + day, failure)));
    }

    /** "Closed" only for a day that had something to close: an empty day is not a finished one. */
    static String state(DailyReconciliation r) {
        boolean quiet = r.total().claims() == 0 && r.total().payments() == 0 && r.deposits() == 0 && r.variances().isEmpty()
                && r.total().rollForward().opening().equals(r.total().rollForward().closing());
        return quiet ? "No activity" : r.closed() ? "Closed" : "Open";
    }

    private void showRollForward(DailyReconciliation.PayerDay p) {
        if (p == null) {
            p = loaded == null ? null : loaded.total();
        }
        if (p == null) {
            rollForward.clear();
            return;
        }
        DailyReconciliation.RollForward rf = p.rollForward();
        List<RollLine> lines = new ArrayList<>();
        lines.add(new RollLine("Opening balance", rf.opening(), true));
        for (RollForwardLine l : RollForwardLine.values()) {
            lines.add(new RollLine(l.label(), rf.movement(l), false));
        }
        lines.add(new RollLine("Closing balance (opening + movements)", rf.computedClosing(), true));
        lines.add(new RollLine("Closing balance on the ledger", rf.closing(), true));
        lines.add(new RollLine("Difference", rf.difference(), true));
        rollForward.setAll(lines);
        rollForwardTitle.set("A/R roll-forward: " + p.payer()
                + (rf.difference().isZero() ? " (agrees with the ledger)" : " (DOES NOT agree with the ledger)"));
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<DailyReconciliation.PayerDay> selectedPayerProperty() {
        return selectedPayer;
    }

    public ObservableList<DailyReconciliation.PayerDay> payers() {
        return payers;
    }

    public ObservableList<RollLine> rollForward() {
        return rollForward;
    }

    public ObservableList<DailyReconciliation.PlbTotal> plb() {
        return plb;
    }

    public ObservableList<DailyReconciliation.Variance> variances() {
        return variances;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rollForwardTitleProperty() {
        return rollForwardTitle.getReadOnlyProperty();
    }
}
