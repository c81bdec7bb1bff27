package org.rxledger.app.recon;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.rxledger.core.recon.AgingBucket;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.recon.ReconciliationService.PayerAging;

/**
 * The Aging tab: open third-party receivables by payer and bucket as of a date (ledger entries effective on
 * or before it), with an all-payer total row; the chart reads the same rows.
 */
public final class AgingViewModel {

    /** The payer name of the total row. */
    public static final String ALL_PAYERS = "All payers";

    private final ReconciliationService service;
    private final Clock clock;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(this, "asOf");
    /** Payers, then the total row. */
    private final ObservableList<PayerAging> rows = FXCollections.observableArrayList();
    /** Payers only (the chart). */
    private final ObservableList<PayerAging> payers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public AgingViewModel(ReconciliationService service, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        asOf.addListener((o, was, now) -> {
            if (now != null && !now.equals(was)) {
                load(now);
            }
        });
    }

    public void shown() {
        if (asOf.get() == null) {
            asOf.set(LocalDate.now(clock));
        } else {
            load(asOf.get());
        }
    }

    public void reload() {
        if (asOf.get() != null) {
            load(asOf.get());
        }
    }

    private void load(LocalDate date) {
        runner.run("Aging receivables as of " + date, progress -> service.aging(date), list -> {
            if (!date.equals(asOf.get())) {
                return;
            }
            payers.setAll(list);
            List<PayerAging> all = new ArrayList<>(list);
            PayerAging total = total(list);
            all.add(total);
            rows.setAll(all);
            summary.set(Formats.count(total.openClaims(), "open claim", "open claims") + " · " + Formats.money(total.total())
                    + " open third-party A/R as of " + Formats.date(date)
                    + (total.creditClaims() > 0 ? " · credits " + Formats.money(total.credits()) + " on "
                    + Formats.count(total.creditClaims(), "claim", "claims") : ""));
        }, failure -> notices.accept(Failures.explain("aging receivables", failure)));
    }

    static PayerAging total(List<PayerAging> list) {
        Map<AgingBucket, Money> buckets = new EnumMap<>(AgingBucket.class);
        Money total = Money.ZERO;
        Money credits = Money.ZERO;
        int open = 0;
        int creditClaims = 0;
        for (PayerAging a : list) {
            for (AgingBucket b : AgingBucket.values()) {
                buckets.merge(b, a.bucket(b), Money::plus);
            }
            total = total.plus(a.total());
            credits = credits.plus(a.credits());
            open += a.openClaims();
            creditClaims += a.creditClaims();
        }
        return new PayerAging(ALL_PAYERS, buckets, total, open, credits, creditClaims);
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObservableList<PayerAging> rows() {
        return rows;
    }

    public ObservableList<PayerAging> payers() {
        return payers;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
