package org.rxledger.app.recon;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.mfp.RefundState;
import org.rxledger.core.money.Money;

/**
 * The MFP refunds tab (issue 24; docs/mfp.md): every MFP-eligible fill's refund as of a day, filtered by what needs
 * work, and the dispute of the selected one. Loading first records the refunds of MTF 835s imported since.
 */
public final class MfpRefundsViewModel {

    /** The filter choices, in the order of the picker. */
    public enum Show {
        NEEDS_WORK("Needs work (short, missing, over, reversed)", r -> r.state().needsWork()),
        ALL("All", r -> true),
        MISSING("Missing", r -> r.state() == RefundState.MISSING),
        SHORT("Short", r -> r.state() == RefundState.SHORT),
        LATE("Late", r -> r.state() == RefundState.LATE),
        EXPECTED("Expected (not due yet)", r -> r.state() == RefundState.EXPECTED),
        PAID("Paid", r -> r.state() == RefundState.PAID),
        WRITTEN_OFF("Written off", r -> r.state() == RefundState.WRITTEN_OFF),
        DISPUTED("Disputed", MfpRefund::disputed);

        private final String label;
        private final Predicate<MfpRefund> test;

        Show(String label, Predicate<MfpRefund> test) {
            this.label = label;
            this.test = test;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final MfpService service;
    private final Clock clock;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(this, "show", Show.NEEDS_WORK);
    private final ObservableList<MfpRefund> all = FXCollections.observableArrayList();
    private final ObservableList<MfpRefund> rows = FXCollections.observableArrayList();
    private final ObjectProperty<MfpRefund> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final StringProperty disputeReason = new SimpleStringProperty(this, "disputeReason", "");
    private final StringProperty disputeNote = new SimpleStringProperty(this, "disputeNote", "");
    private final StringProperty resolvedAmount = new SimpleStringProperty(this, "resolvedAmount", "");
    private final BooleanBinding canOpenDispute;
    private final BooleanBinding canMoveDispute;

    public MfpRefundsViewModel(MfpService service, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.runner = runner;
        this.notices = notices;
        asOf.addListener((o, was, now) -> {
            if (now != null && !now.equals(was)) {
                load(now);
            }
        });
        show.addListener((o, was, now) -> filter());
        selected.addListener((o, was, now) -> detail.set(describe(now)));
        canOpenDispute = Bindings.createBooleanBinding(() -> {
            MfpRefund r = selected.get();
            return r != null && !r.disputed() && (r.state() == RefundState.SHORT || r.state() == RefundState.MISSING)
                    && !disputeReason.get().isBlank();
        }, selected, disputeReason);
        canMoveDispute = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().disputed(), selected);
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

    private record Loaded(MfpService.RecordResult recorded, List<MfpRefund> refunds) {
    }

    private void load(LocalDate date) {
        runner.run("MFP refunds as of " + date, progress -> new Loaded(service.recordRemittedRefunds(), service.refunds(date)),
                loaded -> {
                    if (!date.equals(asOf.get())) {
                        return;
                    }
                    Long keep = selected.get() == null ? null : selected.get().claimId();
                    all.setAll(loaded.refunds());
                    filter();
                    selected.set(rows.stream().filter(r -> keep != null && r.claimId() == keep).findFirst()
                            .orElse(rows.isEmpty() ? null : rows.get(0)));
                    if (loaded.recorded().recorded() > 0) {
                        notices.accept(Notice.info("MFP refunds", Formats.count(loaded.recorded().recorded(),
                                "MTF claim payment", "MTF claim payments") + " recorded ("
                                + Formats.money(loaded.recorded().total()) + ")"
                                + (loaded.recorded().unmatched() > 0 ? "; " + loaded.recorded().unmatched()
                                + " not tied to a fill yet" : "")));
                    }
                }, failure -> notices.accept(Failures.explain("loading MFP refunds", failure)));
    }

    private void filter() {
        rows.setAll(all.stream().filter(show.get().test).toList());
        Money outstanding = Money.sum(all.stream().filter(r -> r.state().owed()).map(MfpRefund::outstanding).toList());
        long work = all.stream().filter(r -> r.state().needsWork()).count();
        summary.set(Formats.count(rows.size(), "refund", "refunds") + " shown of " + all.size() + " · "
                + Formats.count(work, "needs", "need") + " work · outstanding " + Formats.money(outstanding));
    }

    private static String describe(MfpRefund r) {
        if (r == null) {
            return "Select a refund to see how it is worked out.";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Rx ").append(r.rxFill()).append(" · ").append(r.manufacturer()).append(" · standard default (WAC ")
                .append(r.wacPerUnit().toPlainString()).append(" − MFP ").append(r.mfpPerUnit().toPlainString())
                .append(") × ").append(Formats.quantity(r.quantity())).append(" = ").append(Formats.money(r.standardDefault()));
        if (r.manufacturerAmount() != null) {
            sb.append(" · manufacturer's own amount ").append(Formats.money(r.manufacturerAmount()));
        }
        sb.append(" · clock from ").append(Formats.date(r.clockStart())).append(" (date of service), due ")
                .append(Formats.date(r.due()));
        r.receipts().forEach(x -> sb.append(" · ").append(x.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(Formats.money(x.amount())).append(" on ").append(Formats.date(x.paidOn())).append(" (trace ")
                .append(x.trace()).append(')'));
        if (r.dispute() != null) {
            sb.append(" · dispute #").append(r.dispute().id()).append(' ')
                    .append(r.dispute().status().name().toLowerCase(Locale.ROOT)).append(": ").append(r.dispute().reason());
            if (r.dispute().resolvedAmount() != null) {
                sb.append(", agreed ").append(Formats.money(r.dispute().resolvedAmount()));
            }
        }
        return sb.toString();
    }

    /** Opens a dispute of the selected short or missing refund with the reason and note typed. */
    public void openDispute() {
        MfpRefund r = selected.get();
        if (!canOpenDispute.get()) {
            return;
        }
        String reason = disputeReason.get();
        String note = disputeNote.get();
        LocalDate day = asOf.get();
        act("Opening an MFP dispute", () -> service.openDispute(r.claimId(), reason, note, day),
                "Dispute opened for Rx " + r.rxFill());
    }

    /**
     * Writes the dispute packet (PDF and CSV beside it) to the selected refund's manufacturer, for its fills of the
     * year up to the as-of date, and records it in the accounting of disclosures.
     */
    public void disputePacket(java.nio.file.Path pdf) {
        MfpRefund r = selected.get();
        if (r == null) {
            return;
        }
        LocalDate day = asOf.get();
        act("Writing the MFP dispute packet", () -> {
            org.rxledger.core.mfp.MfpDisputePacket packet = service.disputePacket(r.manufacturer(), day.minusYears(1), day, day);
            org.rxledger.reports.pdf.MfpDisputePacketExport.Written w;
            try {
                w = org.rxledger.reports.pdf.MfpDisputePacketExport.write(packet, java.time.LocalDateTime.now(clock), pdf);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            service.recordDisputePacket(packet, w.pdf().pageCount(), w.pdf().sha256());
        }, "Dispute packet for " + r.manufacturer() + " written to " + pdf.getFileName());
    }

    public void markSubmitted() {
        MfpRefund r = selected.get();
        if (canMoveDispute.get()) {
            long id = r.dispute().id();
            String note = disputeNote.get();
            act("Marking an MFP dispute submitted", () -> service.submitDispute(id, note), "Dispute #" + id + " submitted");
        }
    }

    /** Resolves the selected refund's dispute with the amount typed (the amount the manufacturer agreed). */
    public void resolve() {
        MfpRefund r = selected.get();
        if (!canMoveDispute.get()) {
            return;
        }
        Money amount;
        try {
            amount = Money.parse(resolvedAmount.get());
        } catch (IllegalArgumentException e) {
            notices.accept(Notice.error("Agreed amount: " + e.getMessage()));
            return;
        }
        long id = r.dispute().id();
        String note = disputeNote.get();
        act("Resolving an MFP dispute", () -> service.resolveDispute(id, amount, note), "Dispute #" + id + " resolved");
    }

    private void act(String title, Runnable work, String done) {
        runner.run(title, progress -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> {
            disputeReason.set("");
            disputeNote.set("");
            resolvedAmount.set("");
            notices.accept(Notice.info("MFP refunds", done));
            reload();
        }, failure -> notices.accept(Failures.explain(title.toLowerCase(Locale.ROOT), failure)));
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObservableList<MfpRefund> rows() {
        return rows;
    }

    public ObjectProperty<MfpRefund> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StringProperty disputeReasonProperty() {
        return disputeReason;
    }

    public StringProperty disputeNoteProperty() {
        return disputeNote;
    }

    public StringProperty resolvedAmountProperty() {
        return resolvedAmount;
    }

    public BooleanBinding canOpenDispute() {
        return canOpenDispute;
    }

    public BooleanBinding canMoveDispute() {
        return canMoveDispute;
    }
}
