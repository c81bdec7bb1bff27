package org.rxledger.app.remits;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.remits.RemittanceRows.ProviderAdjustmentRow;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;

/**
 * The "Attribute to claim…" dialog of a PLB item (issue 5): the clerk finds the claim by Rx number and fill,
 * checks it by its summary (Rx, fill, date of service, drug, plan paid — nothing that names the patient),
 * gives a reason, and the core ({@link PostingService#attributePlb}) ties the item to the claim on the ledger
 * and keeps the decision for later re-posts. Refusals (no claim found, none chosen, no reason, already
 * attributed to that claim, payment not posted) go back to the dialog in plain words.
 */
public final class PlbAttributionViewModel {

    /** A stored claim the item can be attributed to, as the dialog lists it. */
    public record ClaimChoice(long claimId, String rx, int fill, LocalDate dateOfService, String drug, Money planPaid) {

        public String rxFill() {
            return rx + "-" + String.format(java.util.Locale.ROOT, "%02d", fill);
        }

        /** "Rx 7001500 fill 0 · DOS 2025-03-03 · Atorvastatin 20 mg tablet · plan paid 21.85". */
        public String summary() {
            return "Rx " + rx + " fill " + fill + " · DOS " + Formats.date(dateOfService) + " · " + drug
                    + " · plan paid " + (planPaid == null ? "—" : Formats.money(planPaid));
        }
    }

    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final PostingService posting;
    private Runnable afterChange = () -> { };

    private final ReadOnlyObjectWrapper<ProviderAdjustmentRow> item = new ReadOnlyObjectWrapper<>(this, "item");
    private final StringProperty rx = new SimpleStringProperty(this, "rx", "");
    private final StringProperty fill = new SimpleStringProperty(this, "fill", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<ClaimChoice> found = FXCollections.observableArrayList();
    private final ObjectProperty<ClaimChoice> chosen = new SimpleObjectProperty<>(this, "chosen");

    public PlbAttributionViewModel(PostingService posting, TaskRunner runner, Consumer<Notice> notices) {
        this.posting = Objects.requireNonNull(posting, "posting");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** What to do after an attribution (reload the lists, keeping the selection). */
    void onChange(Runnable afterChange) {
        this.afterChange = afterChange;
    }

    /** Starts a dialog for this item: the fields are cleared. */
    public void open(ProviderAdjustmentRow plb) {
        item.set(plb);
        rx.set("");
        fill.set("");
        reason.set("");
        found.clear();
        chosen.set(null);
    }

    /** Lists the stored claims with the typed Rx number and fill; none found is told through {@code onError}. */
    public void find(Consumer<String> onError) {
        find(() -> { }, onError);
    }

    /** As {@link #find(Consumer)}, running {@code onFound} when at least one claim is listed (the dialog moves on to it). */
    public void find(Runnable onFound, Consumer<String> onError) {
        String r = rx.get() == null ? "" : rx.get().strip();
        String f = fill.get() == null ? "" : fill.get().strip();
        if (r.isEmpty()) {
            onError.accept("Type the Rx number of the claim the takeback belongs to.");
            return;
        }
        int fillNumber;
        try {
            fillNumber = Integer.parseInt(f);
        } catch (NumberFormatException e) {
            onError.accept(f.isEmpty() ? "Type the fill number too (0 for the original fill)."
                    : "Fill must be a number (0–99), not '" + f + "'.");
            return;
        }
        if (fillNumber < 0 || fillNumber > 99) {
            onError.accept("Fill must be a number from 0 to 99, not " + fillNumber + ".");
            return;
        }
        runner.run("Looking up the claim", p -> claims(posting, r, fillNumber), list -> {
            found.setAll(list);
            chosen.set(list.isEmpty() ? null : list.get(0));
            if (list.isEmpty()) {
                onError.accept("No stored claim has Rx " + r + " fill " + fillNumber + ".");
            } else {
                onFound.run();
            }
        }, failure -> onError.accept(Failures.explain("looking up the claim", failure).text()));
    }

    static List<ClaimChoice> claims(PostingService posting, String rx, int fill) {
        return posting.attributableClaims(rx, fill).stream()
                .map(c -> new ClaimChoice(c.claimId(), c.rx(), c.fill(), c.dateOfService(),
                        c.drug().orElse("NDC " + Formats.ndc(c.ndc())), c.planPaid()))
                .toList();
    }

    /** Attributes the item to the chosen claim with the reason; the dialog closes through {@code onDone}. */
    public void attribute(Consumer<String> onError, Runnable onDone) {
        ProviderAdjustmentRow plb = item.get();
        ClaimChoice claim = chosen.get();
        if (plb == null || plb.plbId() == 0) {
            onError.accept("Select a provider-level adjustment (PLB) first.");
            return;
        }
        if (claim == null) {
            onError.accept("Find the claim by its Rx number and fill first, then choose it in the list.");
            return;
        }
        if (plb.attributedClaimId() != null && plb.attributedClaimId() == claim.claimId()) {
            onError.accept(plb.label() + " is already attributed to Rx " + claim.rxFill() + "; choose another claim or Cancel.");
            return;
        }
        String why = reason.get();
        if (why == null || why.isBlank()) {
            onError.accept("A reason is required: say why this takeback belongs to that claim (e.g. the audit letter).");
            return;
        }
        runner.run("Attributing the PLB item", p -> posting.attributePlb(plb.plbId(), claim.claimId(), why.strip()), result -> {
            notices.accept(Notice.info("PLB attributed", plb.label() + " attributed to Rx " + claim.rxFill() + ": "
                    + result.entries() + " ledger entries"));
            onDone.run();
            afterChange.run();
        }, failure -> onError.accept(Failures.explain("attributing the PLB item", failure).text()));
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<ProviderAdjustmentRow> itemProperty() {
        return item.getReadOnlyProperty();
    }

    public StringProperty rxProperty() {
        return rx;
    }

    public StringProperty fillProperty() {
        return fill;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<ClaimChoice> found() {
        return found;
    }

    public ObjectProperty<ClaimChoice> chosenProperty() {
        return chosen;
    }
}
