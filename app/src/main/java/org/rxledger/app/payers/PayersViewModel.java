package org.rxledger.app.payers;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
import javafx.collections.transformation.FilteredList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.RoutingLink;

/**
 * The payer directory (issue 14) as a clerk edits it: the directory's payers with their routings, 835
 * identities and what their CLP07 carries, a search, and the two corrections a person makes — merge one payer
 * into another, move a routing to another payer. Both go through {@link PayerDirectoryService}, which refuses
 * them without a reason and records them in the audit trail.
 */
public final class PayersViewModel {

    /** One payer of the list, its routings and identities one a line, CLP07 as {@code payers list} says it. */
    public record PayerRow(DirectoryPayer payer, String routings, String identities, String clp07) {
        public long id() {
            return payer.id();
        }

        public String name() {
            return payer.name();
        }

        @Override
        public String toString() {
            return payer.name() + " (#" + payer.id() + ")";
        }

        boolean matches(String needle) {
            if (needle.isEmpty()) {
                return true;
            }
            return payer.name().toLowerCase(Locale.ROOT).contains(needle)
                    || payer.routings().stream().anyMatch(r -> r.routing().bin().contains(needle))
                    || payer.identities().stream().anyMatch(i -> i.value().toLowerCase(Locale.ROOT).contains(needle));
        }
    }

    private final PayerDirectoryService service;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<PayerRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PayerRow> shown = new FilteredList<>(rows);
    private final ObservableList<PayerRow> others = FXCollections.observableArrayList();
    private final ObservableList<RoutingLink> routings = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<PayerRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<PayerRow> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<RoutingLink> routing = new SimpleObjectProperty<>(this, "routing");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    public PayersViewModel(PayerDirectoryService service, TaskRunner runner, Consumer<Notice> notices) {
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        search.addListener((o, was, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(r -> r.matches(needle));
            if (selected.get() == null || !shown.contains(selected.get())) {
                selected.set(shown.isEmpty() ? null : shown.get(0));
            }
        });
        selected.addListener((o, was, now) -> {
            others.setAll(rows.stream().filter(r -> now == null || r.id() != now.id()).toList());
            routings.setAll(now == null ? List.of() : now.payer().routings());
            target.set(null);
            routing.set(routings.isEmpty() ? null : routings.get(0));
        });
    }

    /** True while the directory is being read, so the list does not claim "no payers" before it knows. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void reload() {
        loading.set(true);
        runner.run("Loading the payer directory", progress -> service.directory(), dir -> {
            loading.set(false);
            Long keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(dir.active().stream().map(p -> row(dir, p)).toList());
            PayerRow again = keep == null ? null : shown.stream().filter(r -> r.id() == keep).findFirst().orElse(null);
            // set twice when it is the same payer again, so its routings and the other payers are read afresh
            selected.set(null);
            selected.set(again != null ? again : shown.isEmpty() ? null : shown.get(0));
        }, failure -> {
            loading.set(false);
            notices.accept(Failures.explain("loading the payer directory", failure));
        });
    }

    static PayerRow row(PayerDirectory dir, DirectoryPayer p) {
        String routingText = p.routings().stream().map(r -> r.routing().label()
                + (r.source().equals("LEARNED") ? " (learned)" : "")).collect(Collectors.joining("\n"));
        String ids = p.identities().stream().map(i -> i.kind() + " " + i.value()).collect(Collectors.joining("\n"));
        return new PayerRow(p, routingText.isEmpty() ? "—" : routingText, ids.isEmpty() ? "—" : ids,
                dir.clp07(p.id()).describe());
    }

    /**
     * What merging the selected payer would do, for the confirm dialog; null (and a notice saying what is missing)
     * when it cannot be asked yet.
     */
    public String mergeQuestion() {
        PayerRow from = selected.get();
        PayerRow into = target.get();
        if (from == null || into == null) {
            notices.accept(Notice.error("Select the payer to merge away in the list, and the payer that remains under \"Other payer\"."));
            return null;
        }
        if (reason.get() == null || reason.get().isBlank()) {
            notices.accept(Notice.error("A reason is required to merge payers; it is kept in the audit trail."));
            return null;
        }
        return "Merge " + from.name() + " into " + into.name() + "?\n" + from.name() + "'s routings and 835 identities move to "
                + into.name() + ", and " + from.name() + " leaves the list.";
    }

    /** Merges the selected payer into the other payer chosen, then reloads. */
    public void merge() {
        PayerRow from = selected.get();
        PayerRow into = target.get();
        String why = reason.get();
        if (from == null || into == null || why == null || why.isBlank()) {
            mergeQuestion();
            return;
        }
        runner.run("Merging payers", progress -> {
            service.merge(into.id(), from.id(), why);
            return null;
        }, done -> {
            message.set(from.name() + " merged into " + into.name() + ".");
            reason.set("");
            reloadSelecting(into.id());
        }, failure -> notices.accept(Failures.explain("merging " + from.name() + " into " + into.name(), failure)));
    }

    /** What moving the chosen routing would do, for the confirm dialog; null (and a notice) when it cannot be asked. */
    public String moveQuestion() {
        RoutingLink r = routing.get();
        PayerRow to = target.get();
        if (selected.get() == null || r == null || to == null) {
            notices.accept(Notice.error("Select a payer, one of its routings and the payer it belongs to under \"Other payer\"."));
            return null;
        }
        if (reason.get() == null || reason.get().isBlank()) {
            notices.accept(Notice.error("A reason is required to move a routing; it is kept in the audit trail."));
            return null;
        }
        return "Move " + r.routing().label() + " from " + selected.get().name() + " to " + to.name() + "?\n"
                + "Its claims show " + to.name() + " as their payer from now on.";
    }

    /** Moves the chosen routing of the selected payer to the other payer chosen, then reloads. */
    public void moveRouting() {
        RoutingLink r = routing.get();
        PayerRow to = target.get();
        String why = reason.get();
        if (selected.get() == null || r == null || to == null || why == null || why.isBlank()) {
            moveQuestion();
            return;
        }
        long keep = selected.get().id();
        runner.run("Moving a routing", progress -> {
            service.moveRouting(r.id(), to.id(), why);
            return null;
        }, done -> {
            message.set(r.routing().label() + " moved to " + to.name() + ".");
            reason.set("");
            reloadSelecting(keep);
        }, failure -> notices.accept(Failures.explain("moving " + r.routing().label() + " to " + to.name(), failure)));
    }

    private void reloadSelecting(long payerId) {
        selected.set(rows.stream().filter(p -> p.id() == payerId).findFirst().orElse(null));
        reload();
    }

    public ObservableList<PayerRow> shownPayers() {
        return shown;
    }

    public ObservableList<PayerRow> allPayers() {
        return rows;
    }

    /** The payers a merge or a moved routing can go to: all but the selected one. */
    public ObservableList<PayerRow> otherPayers() {
        return others;
    }

    /** The selected payer's routings. */
    public ObservableList<RoutingLink> routings() {
        return routings;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<PayerRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<PayerRow> targetProperty() {
        return target;
    }

    public ObjectProperty<RoutingLink> routingProperty() {
        return routing;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
