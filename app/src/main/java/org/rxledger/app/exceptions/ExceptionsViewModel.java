package org.rxledger.app.exceptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionFilter;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.exceptions.ExceptionStatus;

/**
 * The exceptions work queue (docs/exceptions.md): every item with why and the next step; filters by
 * category, payer, status and "mine"; counts per category; assign to me, resolve with a note (then the next
 * open item is selected, so a clerk works the queue without the mouse), reopen.
 */
public final class ExceptionsViewModel {

    /** The status filter's choices. */
    public enum StatusChoice {
        OPEN("Open"), RESOLVED("Resolved"), ALL("Open and resolved");

        private final String label;

        StatusChoice(String label) {
            this.label = label;
        }

        ExceptionStatus status() {
            return this == OPEN ? ExceptionStatus.OPEN : this == RESOLVED ? ExceptionStatus.RESOLVED : null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One entry of the category list: "Short-paid (12)"; {@code category} null means all categories. */
    public record CategoryCount(ExceptionCategory category, String label, int count) {
        @Override
        public String toString() {
            return label + " (" + count + ")";
        }
    }

    static final String KEY_STATUS = "exceptions.status";
    static final String KEY_MINE = "exceptions.mine";
    static final String KEY_CATEGORY = "exceptions.category";
    static final String KEY_PAYER = "exceptions.payer";

    /** "All payers" in the payer filter. */
    public static final String ALL_PAYERS = "All payers";

    private record Loaded(List<ExceptionItem> items, String user) {
    }

    private final ExceptionQueue queue;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<ExceptionItem> items = FXCollections.observableArrayList();
    private final FilteredList<ExceptionItem> shown = new FilteredList<>(items);
    private final ObservableList<CategoryCount> categories = FXCollections.observableArrayList();
    private final ObservableList<String> payers = FXCollections.observableArrayList(ALL_PAYERS);
    private final ObjectProperty<CategoryCount> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<String> payer = new SimpleObjectProperty<>(this, "payer", ALL_PAYERS);
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status", StatusChoice.OPEN);
    private final BooleanProperty mine = new SimpleBooleanProperty(this, "mine", false);
    private final ObjectProperty<ExceptionItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String user = "";
    /** The category chosen last (kept while the list of counts is rebuilt). */
    private ExceptionCategory chosen;
    private Consumer<String> onOpenRx = rx -> { };
    private Consumer<RemittanceRef> onOpenRemittance = ref -> { };
    /** The item the next reload selects (the global search opened it), whatever the filters hid. */
    private String showNext;

    /** Where an item sits in Remittances: its payment, and the claim payment or PLB item (either may be null). */
    public record RemittanceRef(long paymentId, Long remitClaimId, Long plbItemId) {
    }

    public ExceptionsViewModel(ExceptionQueue queue, TaskRunner runner, Consumer<Notice> notices) {
        this(queue, runner, Settings.inMemory(), notices);
    }

    /** Filters stick per user between sessions (UI.md §7): status, mine, category and payer are kept in settings. */
    public ExceptionsViewModel(ExceptionQueue queue, TaskRunner runner, Settings settings, Consumer<Notice> notices) {
        this.queue = java.util.Objects.requireNonNull(queue, "queue");
        this.runner = runner;
        this.notices = notices;
        status.set(parse(StatusChoice.class, settings.get(KEY_STATUS, ""), StatusChoice.OPEN));
        mine.set(Boolean.parseBoolean(settings.get(KEY_MINE, "false")));
        chosen = parse(ExceptionCategory.class, settings.get(KEY_CATEGORY, ""), null);
        payer.set(settings.get(KEY_PAYER, ALL_PAYERS));
        category.addListener((o, was, now) -> {
            if (now != null) {
                chosen = now.category();
                settings.put(KEY_CATEGORY, chosen == null ? "" : chosen.name());
            }
            refilter();
        });
        payer.addListener((o, was, now) -> {
            if (now != null) {
                settings.put(KEY_PAYER, now);
            }
            refilter();
        });
        status.addListener((o, was, now) -> settings.put(KEY_STATUS, now == null ? "" : now.name()));
        mine.addListener((o, was, now) -> settings.put(KEY_MINE, String.valueOf(now)));
        status.addListener((o, was, now) -> {
            refilter();
            recount();
        });
        mine.addListener((o, was, now) -> {
            refilter();
            recount();
        });
    }

    /** Opens the claims browser on an Rx number (Enter on a claim's item). */
    public void setOnOpenRx(Consumer<String> onOpenRx) {
        this.onOpenRx = onOpenRx;
    }

    /** Opens Remittances on a payment's claim payment or PLB item (Shift+Enter; Enter on an item without a claim). */
    public void setOnOpenRemittance(Consumer<RemittanceRef> onOpenRemittance) {
        this.onOpenRemittance = onOpenRemittance;
    }

    /** Recomputes the queue from the database (in the background). */
    public void reload() {
        runner.run("Loading the exceptions queue",
                progress -> new Loaded(queue.items(), queue.currentUser()), loaded -> {
                    String keep = showNext != null ? showNext : selected.get() == null ? null : selected.get().key();
                    if (showNext != null) {
                        showNext = null;
                        widenFiltersFor(keep, loaded.items());
                    }
                    user = loaded.user();
                    items.setAll(loaded.items());
                    Set<String> names = new LinkedHashSet<>();
                    names.add(ALL_PAYERS);
                    loaded.items().stream().map(ExceptionItem::payer).filter(p -> p != null && !p.isBlank()).sorted()
                            .forEach(names::add);
                    String keepPayer = payer.get();
                    payers.setAll(names);
                    payer.set(names.contains(keepPayer) ? keepPayer : ALL_PAYERS);
                    recount();
                    refilter();
                    ExceptionItem again = keep == null ? null
                            : shown.stream().filter(i -> i.key().equals(keep)).findFirst().orElse(null);
                    selected.set(again != null ? again : shown.isEmpty() ? null : shown.get(0));
                }, failure -> notices.accept(Failures.explain("loading the exceptions queue", failure)));
    }

    /** The next {@link #reload()} selects the item with {@code key}, opening the filters that would hide it. */
    public void showNext(String key) {
        showNext = key;
    }

    private void widenFiltersFor(String key, List<ExceptionItem> loaded) {
        loaded.stream().filter(i -> i.key().equals(key)).findFirst().ifPresent(item -> {
            if (!filter(true).test(item)) {
                chosen = null;
                mine.set(false);
                payer.set(ALL_PAYERS);
                status.set(StatusChoice.ALL);
            }
        });
    }

    /** Makes the signed-in user the owner of the selected item (A, Ctrl+Shift+A). */
    public void assignToMe() {
        ExceptionItem item = selected.get();
        if (item == null) {
            message.set("Select an exception first.");
            return;
        }
        runner.run("Assigning the exception", progress -> queue.assignToMe(item.key()), updated -> {
            replace(item, updated);
            selected.set(updated);
            message.set(updated.key() + " assigned to " + updated.owner() + ".");
        }, failure -> message.set("Not assigned: " + failure.getMessage()));
    }

    /**
     * Resolves the selected item with {@code note}, then selects the next open item of the list, so the
     * clerk carries on (Ctrl+Enter or R, then the note and Enter).
     */
    public void resolve(String note) {
        ExceptionItem item = selected.get();
        if (item == null) {
            message.set("Select an exception first.");
            return;
        }
        if (!item.open()) {
            message.set(item.key() + " is already resolved.");
            return;
        }
        if (note == null || note.isBlank()) {
            message.set("Not resolved: say what was done (a note is required).");
            return;
        }
        ExceptionItem next = nextOpenAfter(item);
        runner.run("Resolving the exception", progress -> queue.resolve(item.key(), note), updated -> {
            replace(item, updated);
            recount();
            ExceptionItem stay = shown.contains(updated) && next == null ? updated : next;
            selected.set(stay);
            message.set(updated.key() + " resolved." + (next == null ? " No more open items in this list." : ""));
        }, failure -> message.set("Not resolved: " + failure.getMessage()));
    }

    /** Opens the selected resolved item again. */
    public void reopen() {
        ExceptionItem item = selected.get();
        if (item == null || item.open()) {
            message.set("Select a resolved exception to reopen.");
            return;
        }
        runner.run("Reopening the exception", progress -> queue.reopen(item.key(), null), updated -> {
            replace(item, updated);
            recount();
            if (shown.contains(updated)) {
                selected.set(updated);
            }
            message.set(updated.key() + " is open again.");
        }, failure -> message.set("Not reopened: " + failure.getMessage()));
    }

    /** Enter: a claim's item opens the claims browser on its Rx number. */
    public void openSelected() {
        ExceptionItem item = selected.get();
        if (item == null) {
            return;
        }
        if (item.claimId() == null) {
            // unmatched, ambiguous and PLB items are worked in Remittances (match to…, attribute to claim…)
            openInRemittances();
            return;
        }
        String ref = item.reference();
        onOpenRx.accept(ref.contains("-") ? ref.substring(0, ref.lastIndexOf('-')) : ref);
    }

    /** Shows the selected item's payment in Remittances, on its claim payment or PLB item. */
    public void openInRemittances() {
        ExceptionItem item = selected.get();
        if (item == null) {
            return;
        }
        if (item.paymentId() == null) {
            message.set(item.key() + " comes from no remittance; Enter opens its claim.");
            return;
        }
        onOpenRemittance.accept(new RemittanceRef(item.paymentId(), item.remitClaimId(), item.plbItemId()));
    }

    private ExceptionItem nextOpenAfter(ExceptionItem item) {
        int at = shown.indexOf(item);
        for (int i = at + 1; i < shown.size(); i++) {
            if (shown.get(i).open()) {
                return shown.get(i);
            }
        }
        for (int i = 0; i < at; i++) {
            if (shown.get(i).open()) {
                return shown.get(i);
            }
        }
        return null;
    }

    private void replace(ExceptionItem old, ExceptionItem updated) {
        int i = items.indexOf(old);
        if (i >= 0) {
            items.set(i, updated);
        }
    }

    private ExceptionFilter filter(boolean withCategory) {
        CategoryCount c = category.get();
        return new ExceptionFilter(withCategory && c != null ? c.category() : null,
                ALL_PAYERS.equals(payer.get()) ? null : payer.get(), status.get() == null ? null : status.get().status(),
                mine.get() ? user : null);
    }

    private void refilter() {
        ExceptionFilter f = filter(true);
        shown.setPredicate(f::test);
    }

    /** Counts per category under the other filters (status, mine); keeps the chosen category. */
    private void recount() {
        ExceptionFilter f = filter(false);
        List<ExceptionItem> counted = items.stream().filter(f::test).toList();
        Map<ExceptionCategory, Integer> counts = ExceptionQueue.counts(counted);
        ExceptionCategory keep = chosen;
        List<CategoryCount> list = new ArrayList<>();
        list.add(new CategoryCount(null, "All categories", counted.size()));
        counts.forEach((k, v) -> list.add(new CategoryCount(k, k.label(), v)));
        categories.setAll(list);
        category.set(list.stream().filter(x -> x.category() == keep).findFirst().orElse(list.get(0)));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null || name.isBlank() ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public ObservableList<ExceptionItem> shownItems() {
        return shown;
    }

    public ObservableList<ExceptionItem> allItems() {
        return items;
    }

    public ObservableList<CategoryCount> categories() {
        return categories;
    }

    public ObservableList<String> payers() {
        return payers;
    }

    public ObjectProperty<CategoryCount> categoryProperty() {
        return category;
    }

    public ObjectProperty<String> payerProperty() {
        return payer;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public BooleanProperty mineProperty() {
        return mine;
    }

    public ObjectProperty<ExceptionItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The signed-in user, once loaded. */
    public String user() {
        return user;
    }
}
