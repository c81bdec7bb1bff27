package org.rxledger.app.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.JobHandle;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ClaimRecords;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;

/**
 * The claims browser: every claim as a summary row, loaded once in the background, filtered and
 * sorted in memory (cheap at 100k+ rows: a predicate over a list, no database round trip).
 * Filters persist per user.
 */
public final class ClaimsViewModel {

    static final String KEY_TEXT = "claims.filter.text";
    static final String KEY_STATUS = "claims.filter.status";
    static final String KEY_PAYER = "claims.filter.payer";
    static final String KEY_FROM = "claims.filter.from";
    static final String KEY_TO = "claims.filter.to";
    static final String KEY_SORT = "claims.sort";

    private final ClaimRecords records;
    private final TaskRunner runner;
    private final Settings settings;
    private final Consumer<Notice> notices;

    private final ObservableList<ClaimSummary> claims = FXCollections.observableArrayList();
    private final FilteredList<ClaimSummary> filtered = new FilteredList<>(claims);
    private final SortedList<ClaimSummary> sorted = new SortedList<>(filtered);
    private final ObservableList<String> payers = FXCollections.observableArrayList();
    /** Status choices; {@code null} first means "All statuses". */
    private final ObservableList<ClaimStatus> statuses = FXCollections.observableArrayList();

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ClaimStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<String> payer = new SimpleObjectProperty<>(this, "payer");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty sortOrder = new SimpleStringProperty(this, "sortOrder", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ObjectProperty<ClaimSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty detailOpen = new SimpleBooleanProperty(this, "detailOpen", false);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "Opening the data folder…");
    private final ClaimDetailViewModel detail;
    private JobHandle load = JobHandle.DONE;

    public ClaimsViewModel(ClaimRecords records, ClaimDetailViewModel detail, TaskRunner runner, Settings settings,
                           Consumer<Notice> notices) {
        this.records = records;
        this.runner = runner;
        this.settings = settings;
        this.notices = notices;
        this.detail = detail;
        statuses.add(null);
        statuses.addAll(ClaimStatus.values());
        payers.add(null);
        restoreFilters();
        List<javafx.beans.Observable> filters = List.of(text, status, payer, from, to);
        for (javafx.beans.Observable p : filters) {
            p.addListener(o -> applyFilter());
        }
        sortOrder.addListener((o, was, now) -> settings.put(KEY_SORT, now));
        filtered.addListener((javafx.collections.ListChangeListener<ClaimSummary>) c -> updateCount());
        applyFilter();
        selected.addListener((o, was, now) -> {
            if (detailOpen.get() && now != null) {
                detail.load(now.id());
            }
        });
        detailOpen.addListener((o, was, now) -> {
            if (!now) {
                detail.clear();
            }
        });
    }

    /** (Re)loads every claim from the database in the background; the filters stay as they are. */
    public void reload() {
        load.cancel();
        loading.set(true);
        emptyText.set("Loading claims…");
        load = runner.run("Loading claims", progress -> {
            progress.progress(0, 0, "Loading claims…");
            List<ClaimSummary> rows = records.summaries();
            TreeSet<String> payerNames = new TreeSet<>();
            for (ClaimSummary c : rows) {
                payerNames.add(c.payerName());
            }
            return new Loaded(rows, List.copyOf(payerNames));
        }, loaded -> {
            String keepPayer = payer.get();
            List<String> choices = new java.util.ArrayList<>();
            choices.add(null);
            choices.addAll(loaded.payers());
            payers.setAll(choices);
            payer.set(keepPayer);
            claims.setAll(loaded.rows());
            loading.set(false);
            emptyText.set("No claims match these filters. Clear filters (Ctrl+Shift+X) to see all claims.");
            updateCount();
        }, failure -> {
            loading.set(false);
            emptyText.set("Claims could not be loaded.");
            notices.accept(Failures.explain("loading the claims", failure));
        });
    }

    private record Loaded(List<ClaimSummary> rows, List<String> payers) {
    }

    public void clearFilters() {
        text.set("");
        status.set(null);
        payer.set(null);
        from.set(null);
        to.set(null);
    }

    /** Opens the detail pane on the selected claim (Enter / double-click). */
    public void openDetail() {
        ClaimSummary s = selected.get();
        if (s != null) {
            detailOpen.set(true);
            detail.load(s.id());
        }
    }

    public void closeDetail() {
        detailOpen.set(false);
    }

    /**
     * The global search opened a claim: the list keeps the filter typed ({@code text}) when the claim is among its
     * rows, else shows every claim, and selects it.
     */
    public void show(long claimId, String text) {
        text(text);
        if (sorted.stream().noneMatch(c -> c.id() == claimId)) {
            clearFilters();
        }
        sorted.stream().filter(c -> c.id() == claimId).findFirst().ifPresent(selected::set);
    }

    private void text(String value) {
        this.text.set(value == null ? "" : value.strip());
    }

    /** The quick search of the shell: filter by Rx/patient and select the first match. */
    public void quickSearch(String query) {
        text.set(query == null ? "" : query.strip());
        selected.set(sorted.isEmpty() ? null : sorted.get(0));
    }

    public ClaimFilter currentFilter() {
        return new ClaimFilter(text.get(), status.get(), payer.get(), from.get(), to.get());
    }

    private void applyFilter() {
        ClaimFilter f = currentFilter();
        filtered.setPredicate(f.isEmpty() ? null : f);
        settings.put(KEY_TEXT, f.text());
        settings.put(KEY_STATUS, f.status() == null ? "" : f.status().name());
        settings.put(KEY_PAYER, f.payer() == null ? "" : f.payer());
        settings.put(KEY_FROM, f.from() == null ? "" : f.from().toString());
        settings.put(KEY_TO, f.to() == null ? "" : f.to().toString());
        updateCount();
    }

    private void restoreFilters() {
        text.set(settings.get(KEY_TEXT, ""));
        status.set(parse(settings.get(KEY_STATUS, ""), ClaimStatus::valueOf));
        String p = settings.get(KEY_PAYER, "");
        payer.set(p.isEmpty() ? null : p);
        from.set(parse(settings.get(KEY_FROM, ""), LocalDate::parse));
        to.set(parse(settings.get(KEY_TO, ""), LocalDate::parse));
        sortOrder.set(settings.get(KEY_SORT, ""));
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            return null; // a setting from an older version: ignore it rather than fail the screen
        }
    }

    private void updateCount() {
        int shown = filtered.size();
        int total = claims.size();
        countText.set(shown == total
                ? Formats.count(total, "claim", "claims")
                : Formats.count(shown) + " of " + Formats.count(total, "claim", "claims"));
    }

    public ObservableList<ClaimSummary> claims() {
        return claims;
    }

    /** The rows the table shows; the view binds its comparator to the table's. */
    public SortedList<ClaimSummary> rows() {
        return sorted;
    }

    /** Payer choices; {@code null} first means "All payers". */
    public ObservableList<String> payers() {
        return payers;
    }

    public ObservableList<ClaimStatus> statuses() {
        return statuses;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ClaimStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<String> payerProperty() {
        return payer;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Persisted sort order, e.g. "dos:DESCENDING,rx:ASCENDING" (column ids). */
    public StringProperty sortOrderProperty() {
        return sortOrder;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObjectProperty<ClaimSummary> selectedProperty() {
        return selected;
    }

    public BooleanProperty detailOpenProperty() {
        return detailOpen;
    }

    public javafx.beans.binding.BooleanBinding filtersActive() {
        return Bindings.createBooleanBinding(() -> !currentFilter().isEmpty(), text, status, payer, from, to);
    }

    public ClaimDetailViewModel detail() {
        return detail;
    }

    public int totalCount() {
        return claims.size();
    }
}
