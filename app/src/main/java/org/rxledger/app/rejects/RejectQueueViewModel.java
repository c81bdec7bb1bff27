package org.rxledger.app.rejects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
import org.rxledger.core.claim.FollowUpStatus;
import org.rxledger.core.claim.RejectQueue;
import org.rxledger.core.claim.RejectQueue.WorkItem;

/**
 * The reject follow-up queue (DOMAIN.md §10.1): rejected claims grouped by reject family, each with the
 * code's meaning and typical fix, an owner, a due date and a status. Resolving is done by a rebill, which
 * opens the claim in charge entry ({@link #setOnRebill}).
 */
public final class RejectQueueViewModel {

    /** One entry of the family list: "Prior auth (3 open)"; {@code family} null means all families. */
    public record FamilyCount(String family, String label, long open) {
        @Override
        public String toString() {
            return label + " (" + open + " open)";
        }
    }

    private final RejectQueue queue;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<WorkItem> items = FXCollections.observableArrayList();
    private final FilteredList<WorkItem> shown = new FilteredList<>(items);
    private final ObservableList<FamilyCount> families = FXCollections.observableArrayList();
    private final ObjectProperty<FamilyCount> family = new SimpleObjectProperty<>(this, "family");
    private final ObjectProperty<WorkItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty owner = new SimpleStringProperty(this, "owner", "");
    private final StringProperty due = new SimpleStringProperty(this, "due", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<FollowUpStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private LongConsumer onRebill = id -> { };

    public RejectQueueViewModel(RejectQueue queue, TaskRunner runner, Consumer<Notice> notices) {
        this.queue = queue;
        this.runner = runner;
        this.notices = notices;
        family.addListener((o, was, now) -> {
            shown.setPredicate(i -> now == null || now.family() == null || now.family().equals(i.family()));
            if (selected.get() == null || !shown.contains(selected.get())) {
                selected.set(shown.isEmpty() ? null : shown.get(0));
            }
        });
        selected.addListener((o, was, now) -> {
            owner.set(now == null || now.followUp().owner() == null ? "" : now.followUp().owner());
            due.set(now == null ? "" : now.followUp().dueDate().toString());
            status.set(now == null ? null : now.followUp().status());
            note.set(now == null ? "" : now.followUp().note());
        });
    }

    public void setOnRebill(LongConsumer onRebill) {
        this.onRebill = onRebill;
    }

    /** True while the queue is being read, so the list does not claim "no rejects" before it knows. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void reload() {
        loading.set(true);
        runner.run("Loading the reject queue", progress -> queue.items(), loaded -> {
            loading.set(false);
            Long keep = selected.get() == null ? null : selected.get().followUp().id();
            String keepFamily = family.get() == null ? null : family.get().family();
            items.setAll(loaded);
            Map<String, List<WorkItem>> groups = queue.byFamily(loaded);
            Map<String, FamilyCount> counts = new LinkedHashMap<>();
            counts.put(null, new FamilyCount(null, "All families", loaded.stream().filter(i -> !i.followUp().status().isDone()).count()));
            groups.forEach((f, list) -> counts.put(f, new FamilyCount(f, WorkItem.familyLabel(f),
                    list.stream().filter(i -> !i.followUp().status().isDone()).count())));
            families.setAll(counts.values());
            family.set(counts.getOrDefault(keepFamily, counts.get(null)));
            // the item worked on stays selected; otherwise the first one shown, so the keys work at once
            WorkItem again = keep == null ? null
                    : shown.stream().filter(i -> i.followUp().id() == keep).findFirst().orElse(null);
            selected.set(again != null ? again : shown.isEmpty() ? null : shown.get(0));
        }, failure -> {
            loading.set(false);
            notices.accept(Failures.explain("loading the reject queue", failure));
        });
    }

    /** Saves owner and due date of the selected item. */
    public void assign() {
        WorkItem item = selected.get();
        if (item == null) {
            message.set("Select a reject first.");
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(due.get().strip());
        } catch (DateTimeParseException e) {
            message.set("Due date '" + due.get() + "' must be YYYY-MM-DD.");
            return;
        }
        String who = owner.get();
        runner.run("Assigning the reject", progress -> queue.assign(item.followUp().id(), who, date), f -> {
            message.set("Rx " + item.row().rxNumber() + " assigned to " + (f.owner() == null ? "nobody" : f.owner()) + ", due " + f.dueDate() + ".");
            reload();
        }, failure -> message.set("Not saved: " + failure.getMessage()));
    }

    /** Saves the chosen status (open, in progress, waiting, closed) and note of the selected item. */
    public void changeStatus() {
        WorkItem item = selected.get();
        if (item == null || status.get() == null) {
            message.set("Select a reject and a status first.");
            return;
        }
        FollowUpStatus s = status.get();
        String text = note.get();
        runner.run("Changing the reject's status", progress -> queue.changeStatus(item.followUp().id(), s, text), f -> {
            message.set("Rx " + item.row().rxNumber() + " is now " + f.status().label().toLowerCase() + ".");
            reload();
        }, failure -> message.set("Not saved: " + failure.getMessage()));
    }

    /** Opens the selected rejected claim in charge entry to rebill it; the rebill resolves the item. */
    public void rebill() {
        WorkItem item = selected.get();
        if (item == null) {
            message.set("Select a reject first.");
            return;
        }
        if (item.followUp().status().isDone()) {
            message.set("Rx " + item.row().rxNumber() + " is already " + item.followUp().status().label().toLowerCase() + ".");
            return;
        }
        onRebill.accept(item.followUp().claimId());
    }

    public ObservableList<WorkItem> shownItems() {
        return shown;
    }

    public ObservableList<WorkItem> allItems() {
        return items;
    }

    public ObservableList<FamilyCount> families() {
        return families;
    }

    public ObjectProperty<FamilyCount> familyProperty() {
        return family;
    }

    public ObjectProperty<WorkItem> selectedProperty() {
        return selected;
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public StringProperty dueProperty() {
        return due;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<FollowUpStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "75 — Prior authorization required · also 79, 52": the codes the payer returned beside the one the row is filed under. */
    public static String rejectText(String primaryCode, String meaning, List<String> codes) {
        List<String> others = codes.stream().filter(c -> !c.equals(primaryCode)).toList();
        return primaryCode + " — " + meaning + (others.isEmpty() ? "" : " · also " + String.join(", ", others));
    }
}
