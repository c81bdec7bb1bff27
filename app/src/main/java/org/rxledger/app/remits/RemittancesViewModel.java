package org.rxledger.app.remits;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rxledger.app.remits.RemittanceRows.ClaimDetail;
import org.rxledger.app.remits.RemittanceRows.ClaimRow;
import org.rxledger.app.remits.RemittanceRows.ProviderAdjustmentRow;
import org.rxledger.app.task.JobHandle;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.WaitingRematch;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ImportStages;
import org.rxledger.core.remit.MatchCounts;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.RejectedImport;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.tx.Transactions;

/**
 * The remittances area (issue 4 review screens): imported payments, the selected payment's claims
 * (with filters) and provider-level adjustments, the selected claim's adjustments, remarks, service
 * lines and raw segments, and the rejected files. Imports (chooser, drop, inbox) run through the
 * {@link TaskRunner} with progress and Cancel; their outcome is told in plain words.
 */
public final class RemittancesViewModel {

    private final Transactions transactions;
    private final TaskRunner runner;
    private final Supplier<RemittanceImports> imports;
    private final Consumer<Notice> notices;

    private final ObservableList<RemittanceListRow> payments = FXCollections.observableArrayList();
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
    private final FilteredList<ClaimRow> filteredClaims = new FilteredList<>(claims);
    private final ObservableList<ProviderAdjustmentRow> providerAdjustments = FXCollections.observableArrayList();
    private final ObservableList<RejectedImport> rejections = FXCollections.observableArrayList();

    private final ObjectProperty<RemittanceListRow> selectedPayment = new SimpleObjectProperty<>(this, "selectedPayment");
    private final ObjectProperty<ClaimRow> selectedClaim = new SimpleObjectProperty<>(this, "selectedClaim");
    private final ReadOnlyObjectWrapper<ClaimDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail", ClaimDetail.EMPTY);
    private final BooleanProperty deniedOnly = new SimpleBooleanProperty(this, "deniedOnly");
    private final BooleanProperty reversedOnly = new SimpleBooleanProperty(this, "reversedOnly");
    private final StringProperty adjustedOver = new SimpleStringProperty(this, "adjustedOver", "");
    private final ReadOnlyStringWrapper claimCountText = new ReadOnlyStringWrapper(this, "claimCountText", "");
    private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper(this, "lastOutcome", "");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    /** The running import, so Cancel stops it and not whatever job started last (e.g. a list load). */
    private JobHandle importJob = JobHandle.DONE;
    private final MatchingViewModel matching;
    private final PlbAttributionViewModel plbAttribution;
    private final ObjectProperty<ProviderAdjustmentRow> selectedProviderAdjustment =
            new SimpleObjectProperty<>(this, "selectedProviderAdjustment");
    /** The PLB item to select again once the payment is reloaded after an attribution. */
    private Long keepPlbId;
    /** The claim payment to select again once the claims are reloaded after a match or posting change. */
    private Long keepClaimId;
    /** The payment the next {@link #reload} selects (set by {@link #showNext}), instead of the selected one. */
    private Long nextPaymentId;
    private final ObjectProperty<Target> shown = new SimpleObjectProperty<>(this, "shown");

    /**
     * What another area asked Remittances to show (the Exceptions queue's "Open in Remittances"): a payment,
     * and in it a claim payment or a PLB item (either may be null). The view selects the matching tab.
     */
    public record Target(long paymentId, Long remitClaimId, Long plbItemId) {
    }

    /**
     * @param imports the import use case wrapper, or null when this workstation cannot import (tests
     *                without a data folder); asked for lazily, on first import
     */
    public RemittancesViewModel(Transactions transactions, TaskRunner runner, Supplier<RemittanceImports> imports,
                                Consumer<Notice> notices) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.imports = imports;
        this.notices = Objects.requireNonNull(notices, "notices");
        this.matching = new MatchingViewModel(transactions, runner, notices);
        matching.onChange(this::reloadKeepingClaim);
        this.plbAttribution = new PlbAttributionViewModel(new org.rxledger.core.posting.PostingService(transactions), runner, notices);
        plbAttribution.onChange(this::reloadKeepingClaim);
        selectedPayment.addListener((o, was, now) -> loadPaymentDetail(now));
        selectedClaim.addListener((o, was, now) -> {
            loadClaim(now);
            matching.loadClaim(now);
        });
        deniedOnly.addListener(o -> applyFilter());
        reversedOnly.addListener(o -> applyFilter());
        adjustedOver.addListener(o -> applyFilter());
        applyFilter();
    }

    /**
     * Makes the next {@link #reload} select this payment and in it the claim payment or PLB item, with the claim
     * filters cleared so that the claim payment is in the list. The caller reloads (or switches to the area,
     * which reloads).
     */
    public void showNext(Target target) {
        clearFilters();
        nextPaymentId = target.paymentId();
        keepClaimId = target.remitClaimId();
        keepPlbId = target.plbItemId();
        shown.set(null); // the same target twice still reaches the view
        shown.set(target);
    }

    /** The last {@link #showNext} target, for the view to pick the tab. */
    public ReadOnlyObjectProperty<Target> shownProperty() {
        return shown;
    }

    /**
     * Matches again every waiting claim payment of every payment (after claims were imported or the payer
     * directory learned a routing), in the background; tells the counts and reloads the list.
     */
    public void rematchWaiting() {
        runner.run("Re-matching waiting claim payments", progress -> new WaitingRematch(transactions).run(), r -> {
            notices.accept(Notice.info("Re-matched waiting items", r.describe()));
            reload();
        }, failure -> notices.accept(Failures.explain("re-matching waiting claim payments", failure)));
    }

    /** Loads the payments list and the rejected files. */
    public void reload() {
        Long keep = nextPaymentId != null ? nextPaymentId
                : selectedPayment.get() == null ? null : selectedPayment.get().paymentId();
        nextPaymentId = null;
        runner.run("Loading remittances", progress -> transactions.read(tx -> {
            RemittanceRepository repo = tx.port(RemittanceRepository.class);
            return new Loaded(repo.paymentList(), repo.rejections());
        }), loaded -> {
            payments.setAll(loaded.payments());
            rejections.setAll(loaded.rejections());
            if (keep != null) {
                RemittanceListRow before = selectedPayment.get();
                payments.stream().filter(p -> p.paymentId() == keep).findFirst().ifPresent(selectedPayment::set);
                RemittanceListRow after = selectedPayment.get();
                if (after != null && after != before && after.equals(before)) {
                    loadPaymentDetail(after);   // an equal row fires no change event
                }
            } else if (!payments.isEmpty()) {
                selectedPayment.set(payments.get(0));
            }
        }, failure -> notices.accept(Failures.explain("loading the remittances", failure)));
    }

    /** After a match or posting change: reload everything, keeping the selected payment and claim. */
    void reloadKeepingClaim() {
        keepClaimId = selectedClaim.get() == null ? null : selectedClaim.get().id();
        keepPlbId = selectedProviderAdjustment.get() == null ? null : selectedProviderAdjustment.get().plbId();
        reload();
    }

    private record Loaded(List<RemittanceListRow> payments, List<RejectedImport> rejections) {
    }

    private record PaymentDetail(long paymentId, List<ClaimRow> claims, List<ProviderAdjustmentRow> plb) {
    }

    /** The selected payment's claims and PLB items, and its postings and payer mode. */
    private void loadPaymentDetail(RemittanceListRow payment) {
        loadPayment(payment);
        matching.loadPayment(payment);
    }

    private void loadPayment(RemittanceListRow payment) {
        selectedClaim.set(null);
        if (payment == null) {
            claims.clear();
            providerAdjustments.clear();
            return;
        }
        runner.run("Loading the payment's claims", progress -> transactions.read(tx -> {
            RemittanceRepository repo = tx.port(RemittanceRepository.class);
            List<ClaimRow> rows = repo.claimsOfPayment(payment.paymentId()).stream()
                    .map(c -> RemittanceRows.claim(payment.payerName(), c)).toList();
            List<ProviderAdjustmentRow> plb = providerAdjustments(tx, payment.paymentId());
            return new PaymentDetail(payment.paymentId(), rows, plb);
        }), loaded -> {
            if (selectedPayment.get() != null && selectedPayment.get().paymentId() == loaded.paymentId()) {
                claims.setAll(loaded.claims());
                providerAdjustments.setAll(loaded.plb());
                updateCount();
                selectKept();
            }
        }, failure -> notices.accept(Failures.explain("loading the payment's claims", failure)));
    }

    /** Selects the PLB item and claim payment asked for ({@link #reloadKeepingClaim}, {@link #showNext}) in the loaded lists. */
    private void selectKept() {
        if (keepPlbId != null) {
            long keep = keepPlbId;
            keepPlbId = null;
            providerAdjustments.stream().filter(r -> r.plbId() == keep).findFirst()
                    .ifPresent(selectedProviderAdjustment::set);
        }
        if (keepClaimId != null) {
            long keep = keepClaimId;
            keepClaimId = null;
            filteredClaims.stream().filter(c -> c.id() == keep).findFirst().ifPresent(selectedClaim::set);
        }
    }

    /** The payment's PLB items with their stored ids and the claim each is tied to on the ledger now (Rx-fill). */
    static List<ProviderAdjustmentRow> providerAdjustments(org.rxledger.core.tx.Tx tx, long paymentId) {
        java.util.Map<Long, Long> attributed = org.rxledger.core.posting.RemittancePosting.attributedClaims(tx, paymentId);
        java.util.Map<Long, String> rxFill = new java.util.HashMap<>();
        List<ProviderAdjustmentRow> rows = new ArrayList<>();
        for (org.rxledger.core.remit.StoredProviderAdjustment p : tx.port(RemittanceRepository.class).providerAdjustmentsOfPayment(paymentId)) {
            Long claimId = attributed.get(p.id());
            String text = claimId == null ? null : rxFill.computeIfAbsent(claimId, id -> tx.port(ClaimRepository.class).find(id)
                    .map(org.rxledger.core.claim.Claim::rxFill).orElse("claim " + id));
            rows.add(RemittanceRows.providerAdjustment(p, claimId, text));
        }
        return rows;
    }

    private void loadClaim(ClaimRow claim) {
        if (claim == null) {
            detail.set(ClaimDetail.EMPTY);
            return;
        }
        runner.run("Loading the claim's adjustments", progress -> transactions.read(tx -> {
            RemittanceRepository repo = tx.port(RemittanceRepository.class);
            return new ClaimDetail(claim.id(),
                    repo.adjustmentsOfClaim(claim.id()).stream().map(RemittanceRows::adjustment).toList(),
                    repo.remarksOfClaim(claim.id()).stream().map(RemittanceRows::remark).toList(),
                    repo.serviceLinesOfClaim(claim.id()).stream().map(RemittanceRows::line).toList(),
                    repo.rawSegments(claim.id()));
        }), loaded -> {
            if (selectedClaim.get() != null && selectedClaim.get().id() == loaded.claimId()) {
                detail.set(loaded);
            }
        }, failure -> notices.accept(Failures.explain("loading the claim", failure)));
    }

    private void applyFilter() {
        boolean denied = deniedOnly.get();
        boolean reversed = reversedOnly.get();
        BigDecimal over = adjustedThreshold();
        filteredClaims.setPredicate(c -> (!denied || c.denied()) && (!reversed || c.reversed())
                && (over == null || c.adjusted().amount().abs().compareTo(over) > 0));
        updateCount();
    }

    /** The "adjusted more than" field as a number; blank or not a number = no filter. */
    BigDecimal adjustedThreshold() {
        String text = adjustedOver.get() == null ? "" : adjustedOver.get().trim().replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void updateCount() {
        int all = claims.size();
        int shown = filteredClaims.size();
        claimCountText.set(shown == all ? Formats.count(all, "claim", "claims")
                : Formats.count(shown) + " of " + Formats.count(all, "claim", "claims"));
    }

    public void clearFilters() {
        deniedOnly.set(false);
        reversedOnly.set(false);
        adjustedOver.set("");
    }

    // ---- importing ----

    public boolean canImport() {
        return imports != null;
    }

    /** Imports the files one after the other in the background; Cancel stops the current file (nothing of it is stored). */
    public void importFiles(List<Path> files, RejectionLog.Source source) {
        if (files.isEmpty()) {
            return;
        }
        if (imports == null) {
            notices.accept(Notice.error("This workstation has no data folder to import remittances into."));
            return;
        }
        String title = files.size() == 1 ? "Importing " + files.get(0).getFileName() : "Importing " + files.size() + " remittance files";
        started();
        importJob = runner.run(title, progress -> {
            RemittanceImports service = imports.get();
            List<ImportOutcome> outcomes = new ArrayList<>();
            for (Path file : files) {
                if (progress.isCancelled()) {
                    outcomes.add(new ImportOutcome.Cancelled(file.getFileName().toString()));
                    continue;
                }
                outcomes.add(service.importFile(file, source, progress, progress::isCancelled));
            }
            return outcomes;
        }, outcomes -> {
            finished();
            tell(outcomes);
            reload();
        }, failure -> {
            finished();
            notices.accept(Failures.explain("importing remittances", failure));
            reload();
        });
    }

    /** The inbox watcher's hand-off: import and move one file (on the runner, like any import). */
    public void importFromInbox(InboxWatcher inbox, Path file) {
        if (imports == null) {
            return;
        }
        started();
        importJob = runner.run("Importing " + file.getFileName() + " from the inbox", progress -> {
            return inbox.process(file, imports.get(), progress, progress::isCancelled);
        }, outcome -> {
            finished();
            tell(List.of(outcome));
            reload();
        }, failure -> {
            finished();
            if (failure instanceof java.util.concurrent.CancellationException) {
                // the clerk said stop: nothing was stored, and the file is not taken again until it
                // changes or the workstation restarts (it stays in the inbox)
                inbox.keepUntilChanged(file);
                lastOutcome.set(file.getFileName() + ": import cancelled, nothing was stored; the file stays in the inbox");
                notices.accept(Notice.info("Import cancelled", lastOutcome.get()));
            } else {
                inbox.release(file);
                notices.accept(Failures.explain("importing " + file.getFileName() + " from the inbox", failure));
            }
        });
    }

    private int running;

    private void started() {
        running++;
        importing.set(true);
    }

    private void finished() {
        running = Math.max(0, running - 1);
        importing.set(running > 0);
    }

    /** Stops the running import; nothing of the file being imported is stored. */
    public void cancelImport() {
        importJob.cancel();
    }

    private void tell(List<ImportOutcome> outcomes) {
        List<String> lines = outcomes.stream().map(RemittancesViewModel::plainWords).toList();
        String text = String.join("\n", lines);
        lastOutcome.set(text);
        boolean bad = outcomes.stream().anyMatch(o -> o.status() == ImportOutcome.Status.REJECTED);
        boolean held = outcomes.stream().anyMatch(o -> o instanceof ImportOutcome.Imported i
                && i.payments().stream().anyMatch(p -> p.postingHeldReason() != null));
        long imported = outcomes.stream().filter(o -> o.status() == ImportOutcome.Status.IMPORTED).count();
        String title = bad ? "Remittance file rejected" : held ? "Remittance imported, not posted"
                : imported > 0 ? "Remittances imported" : "Nothing imported";
        notices.accept(new Notice(bad || held ? Notice.Kind.WARNING : Notice.Kind.INFO, title, text));
    }

    /** "imported 2 payments (4 claims)", "duplicate of file X imported on D", "rejected: reason". */
    static String plainWords(ImportOutcome outcome) {
        String name = outcome.fileName();
        if (outcome instanceof ImportOutcome.Imported i) {
            long claims = i.payments().stream().mapToLong(p -> p.claimCount()).sum();
            Money total = i.payments().stream().map(p -> p.amount()).reduce(Money.ZERO, Money::plus);
            StringBuilder words = new StringBuilder(name + ": imported " + i.payments().size()
                    + (i.payments().size() == 1 ? " payment" : " payments")
                    + " (" + Formats.count(claims) + (claims == 1 ? " claim" : " claims") + ", " + Formats.money(total) + ")");
            MatchCounts matches = i.payments().stream().map(PaymentSummary::matches)
                    .reduce(MatchCounts.NONE, MatchCounts::plus);
            if (matches.total() > 0) {
                words.append("\nClaim payments: ").append(matches.describe()).append('.');
            }
            for (PaymentSummary p : i.payments()) {
                if (p.postingHeldReason() != null) {
                    words.append("\nTrace ").append(p.traceNumber()).append(": ").append(p.postingHeldReason());
                }
            }
            if (i.stages().total() > 0) {
                // where the time went, so that a slow step shows itself (issue 21)
                words.append("\nTook ").append(ImportStages.Times.seconds(i.stages().total())).append(": ")
                        .append(i.stages().describe()).append('.');
            }
            return words.toString();
        }
        if (outcome instanceof ImportOutcome.Duplicate d) {
            String on = Formats.timestamp(d.earlierFile().importedAt());
            return name + ": duplicate of file " + d.earlierFile().fileName() + " imported on " + on + " by "
                    + d.earlierFile().importedBy()
                    + (d.reason() == ImportOutcome.DuplicateReason.SAME_PAYMENT
                    ? " (same payment: trace " + d.earlierPayment().traceNumber() + ")" : "")
                    + "; nothing was stored";
        }
        if (outcome instanceof ImportOutcome.Rejected r) {
            return name + ": rejected, nothing was stored: "
                    + (r.problems().isEmpty() ? "" : r.problems().get(0).describe())
                    + (r.problems().size() > 1 ? " (and " + (r.problems().size() - 1) + " more; see Rejected files)" : "");
        }
        return outcome.message();
    }

    // ---- properties ----

    public MatchingViewModel matching() {
        return matching;
    }

    public ObservableList<RemittanceListRow> payments() {
        return payments;
    }

    public ObservableList<ClaimRow> claims() {
        return filteredClaims;
    }

    public ObservableList<ProviderAdjustmentRow> providerAdjustments() {
        return providerAdjustments;
    }

    /** The PLB item selected in the Provider adjustments (PLB) tab. */
    public ObjectProperty<ProviderAdjustmentRow> selectedProviderAdjustmentProperty() {
        return selectedProviderAdjustment;
    }

    /** The "Attribute to claim…" dialog's state. */
    public PlbAttributionViewModel plbAttribution() {
        return plbAttribution;
    }

    public ObservableList<RejectedImport> rejections() {
        return rejections;
    }

    public ObjectProperty<RemittanceListRow> selectedPaymentProperty() {
        return selectedPayment;
    }

    public ObjectProperty<ClaimRow> selectedClaimProperty() {
        return selectedClaim;
    }

    public ReadOnlyObjectProperty<ClaimDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public BooleanProperty deniedOnlyProperty() {
        return deniedOnly;
    }

    public BooleanProperty reversedOnlyProperty() {
        return reversedOnly;
    }

    public StringProperty adjustedOverProperty() {
        return adjustedOver;
    }

    public ReadOnlyStringProperty claimCountTextProperty() {
        return claimCountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }
}
