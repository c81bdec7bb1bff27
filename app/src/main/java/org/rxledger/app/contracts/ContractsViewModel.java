package org.rxledger.app.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.rxledger.app.ui.Notice;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.contract.ContractTerms;
import org.rxledger.core.contract.PriceBasis;
import org.rxledger.reports.pdf.MacAppealExport;

/**
 * The Contracts area (issue 22; docs/contracts.md): open change notices to acknowledge, the contract versions, the
 * price files imported and the claims paid below their contract. Everything goes through {@link ContractService}.
 */
public final class ContractsViewModel {

    /** What the area shows, read in one task. */
    record Snapshot(List<ContractRepository.Notice> notices, List<ContractTerms> versions,
                    List<ContractRepository.PriceImport> prices, List<ContractCheck> underpaid) {
    }

    private final ContractService service;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<ContractRepository.Notice> openNotices = FXCollections.observableArrayList();
    private final ObservableList<ContractTerms> versions = FXCollections.observableArrayList();
    private final ObservableList<ContractRepository.PriceImport> priceImports = FXCollections.observableArrayList();
    private final ObservableList<ContractCheck> underpaid = FXCollections.observableArrayList();
    private final ObjectProperty<ContractRepository.Notice> selectedNotice = new SimpleObjectProperty<>(this, "selectedNotice");
    private final ObjectProperty<ContractCheck> selectedUnderpaid = new SimpleObjectProperty<>(this, "selectedUnderpaid");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public ContractsViewModel(ContractService service, TaskRunner runner, Consumer<Notice> notices) {
        this.service = service;
        this.runner = runner;
        this.notices = notices;
    }

    public void reload() {
        load(null);
    }

    /** Reads the area; {@code done} (when not null) is the message shown once it is read. */
    private void load(String done) {
        runner.run("Loading contracts", progress -> new Snapshot(service.openNotices(), service.versions(),
                service.priceImports(), service.underpaid(null, null, ContractService.DEFAULT_TOLERANCE)), s -> {
                    openNotices.setAll(s.notices());
                    versions.setAll(s.versions());
                    priceImports.setAll(s.prices());
                    underpaid.setAll(s.underpaid());
                    selectedNotice.set(openNotices.isEmpty() ? null : openNotices.get(0));
                    // with none open the notices table's placeholder already says so
                    message.set(done != null ? done : openNotices.isEmpty() ? ""
                            : openNotices.size() + " change notice(s) to acknowledge.");
                }, failure -> notices.accept(Failures.explain("loading contracts", failure)));
    }

    /** Acknowledges the selected notice as the signed-in user (audited), then reads the area again. */
    public void acknowledge() {
        ContractRepository.Notice n = selectedNotice.get();
        if (n == null) {
            return;
        }
        runner.run("Acknowledging a change notice", progress -> {
            service.acknowledge(n.id());
            return n;
        }, done -> load("Notice " + done.id() + " acknowledged."), failure -> notices.accept(Failures.explain("acknowledging the notice", failure)));
    }

    /** Whether the selected underpaid claim is priced on a MAC list, so that a MAC appeal can be written for it. */
    static boolean macPriced(ContractCheck c) {
        return c != null && c.expectation() != null && c.expectation().formula().basis() == PriceBasis.MAC;
    }

    /** Writes the MAC appeal of the selected underpaid claim and records it as a disclosure to its payer. */
    public void macAppeal(Path pdf) {
        ContractCheck c = selectedUnderpaid.get();
        if (!macPriced(c)) {
            return;
        }
        runner.run("Writing the MAC appeal", progress -> {
            try {
                return MacAppealExport.write(service.macAppeals(), c.claim().rx(), c.claim().fill(), pdf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, w -> message.set("MAC appeal for Rx " + c.claim().rx() + " fill " + c.claim().fill() + " written to "
                + pdf.getFileName() + " (shortfall " + w.appeal().shortfall() + ")."),
                failure -> notices.accept(Failures.explain("writing the MAC appeal", failure)));
    }

    static String when(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public ObservableList<ContractRepository.Notice> openNotices() {
        return openNotices;
    }

    public ObservableList<ContractTerms> versions() {
        return versions;
    }

    public ObservableList<ContractRepository.PriceImport> priceImports() {
        return priceImports;
    }

    public ObservableList<ContractCheck> underpaid() {
        return underpaid;
    }

    public ObjectProperty<ContractRepository.Notice> selectedNoticeProperty() {
        return selectedNotice;
    }

    public ObjectProperty<ContractCheck> selectedUnderpaidProperty() {
        return selectedUnderpaid;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
