package org.rxledger.app.recon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.deposit.DepositImportError;
import org.rxledger.core.deposit.DepositImportResult;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositPairing;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.deposit.RemittedPayment;
import org.rxledger.core.money.Money;

/**
 * Deposits and their pairing with 835 payments: the bank side of reconciliation. Loads everything
 * in the background; every change reloads the three lists a clerk works from.
 */
public final class DepositsViewModel {

    private final Clock clock;
    private final DepositService service;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;

    private final ObservableList<Deposit> deposits = FXCollections.observableArrayList();
    private final ObservableList<RemittedPayment> paymentsWithoutDeposit = FXCollections.observableArrayList();
    private final ObservableList<Deposit> depositsWithoutRemittance = FXCollections.observableArrayList();
    private final ObservableList<DepositPairing.AmountMismatch> mismatches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** What the two "without" lists say when empty: nothing is missing only when there is something to pair. */
    private final ReadOnlyStringWrapper noPaymentsMissing = new ReadOnlyStringWrapper(this, "noPaymentsMissing", "");
    private final ReadOnlyStringWrapper noDepositsMissing = new ReadOnlyStringWrapper(this, "noDepositsMissing", "");

    public DepositsViewModel(DepositService service, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.runner = runner;
        this.notices = notices;
    }

    private record Loaded(List<Deposit> deposits, DepositPairing pairing) {
    }

    public void reload() {
        runner.run("Loading deposits", progress -> new Loaded(service.deposits(), service.pairing()), loaded -> {
            deposits.setAll(loaded.deposits());
            DepositPairing p = loaded.pairing();
            paymentsWithoutDeposit.setAll(p.paymentsWithoutDeposit());
            depositsWithoutRemittance.setAll(p.depositsWithoutRemittance());
            mismatches.setAll(p.amountMismatches());
            summary.set(p.paired().size() + " paired · " + Formats.count(p.paymentsWithoutDeposit().size(), "payment", "payments")
                    + " without deposit · " + Formats.count(p.depositsWithoutRemittance().size(), "deposit", "deposits")
                    + " without remittance · " + Formats.count(p.amountMismatches().size(), "amount mismatch", "amount mismatches"));
            boolean anyDeposit = loaded.deposits().stream().anyMatch(d -> !d.voided());
            boolean anyPayment = !p.paired().isEmpty() || !p.paymentsWithoutDeposit().isEmpty() || !p.amountMismatches().isEmpty();
            noDepositsMissing.set(anyDeposit ? "Every deposit has its 835." : "No deposits yet.");
            noPaymentsMissing.set(anyPayment ? "Every 835 payment has its deposit."
                    : "No 835 payments yet.");
        }, failure -> notices.accept(Failures.explain("loading deposits", failure)));
    }

    /**
     * Checks and records a deposit typed by the clerk. Returns a problem in plain words (shown on the
     * form, nothing saved) or null when the input is acceptable and saving has started.
     */
    public String add(LocalDate date, String amountText, String trace, DepositMethod method, String note) {
        if (date == null) {
            return "Enter the deposit date.";
        }
        NewDeposit deposit;
        try {
            deposit = new NewDeposit(date, Money.parse(amountText), trace == null ? "" : trace, method, null, note);
        } catch (IllegalArgumentException e) {
            return e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".";
        }
        runner.run("Recording the deposit", progress -> service.record(deposit), d -> {
            notices.accept(Notice.info("Deposit recorded", d.amount() + " with trace " + d.traceNumber()
                    + " on " + d.depositDate() + "."));
            reload();
        }, failure -> notices.accept(Failures.explain("recording the deposit", failure)));
        return null;
    }

    public void importStatement(Path file) {
        runner.run("Importing " + file.getFileName(), progress -> service.importCsv(file), result -> {
            notices.accept(describe(file, result));
            reload();
        }, failure -> notices.accept(Failures.explain("importing " + file.getFileName(), failure)));
    }

    static Notice describe(Path file, DepositImportResult r) {
        if (r.succeeded()) {
            return Notice.info("Deposits imported", file.getFileName() + ": " + r.imported() + " deposit"
                    + (r.imported() == 1 ? "" : "s") + " imported"
                    + (r.skippedDuplicates() > 0 ? ", " + r.skippedDuplicates() + " already recorded were skipped" : "") + ".");
        }
        StringBuilder text = new StringBuilder(file.getFileName() + " was not imported; nothing was saved. Correct these and import it again:");
        r.errors().stream().limit(10).map(DepositImportError::toString).forEach(e -> text.append('\n').append(e));
        if (r.errors().size() > 10) {
            text.append("\n… and ").append(r.errors().size() - 10).append(" more");
        }
        return new Notice(Notice.Kind.ERROR, "Deposits not imported", text.toString());
    }

    public void voidDeposit(Deposit deposit, String reason) {
        runner.run("Voiding the deposit", progress -> service.voidDeposit(deposit.id(), reason), d -> {
            notices.accept(Notice.info("Deposit voided", "Deposit " + d.id() + " (" + d.amount() + ", trace "
                    + d.traceNumber() + ") no longer counts: " + d.voidReason() + "."));
            reload();
        }, failure -> notices.accept(Failures.explain("voiding the deposit", failure)));
    }

    /** Today by the database's clock: the default deposit date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ObservableList<Deposit> deposits() {
        return deposits;
    }

    public ObservableList<RemittedPayment> paymentsWithoutDeposit() {
        return paymentsWithoutDeposit;
    }

    public ObservableList<Deposit> depositsWithoutRemittance() {
        return depositsWithoutRemittance;
    }

    public ObservableList<DepositPairing.AmountMismatch> mismatches() {
        return mismatches;
    }

    public ReadOnlyStringProperty noDepositsMissingProperty() {
        return noDepositsMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noPaymentsMissingProperty() {
        return noPaymentsMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
