package org.rxledger.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.store.Database;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportRunner;
import org.rxledger.reports.engine.ReportTableWriter.Format;

class ReportsViewModelTest {

    @TempDir
    Path data;

    private Database db;
    private final List<Notice> notices = new ArrayList<>();
    private ReportsViewModel vm;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        vm = new ReportsViewModel(ReportRunner.standard(db.transactions()), data, TestStores.CLOCK,
                new SynchronousTaskRunner(), notices::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Report report(String name) {
        return vm.available().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachReportDefaultsToItsOwnDatedFileInTheDataFoldersReportsFolder() {
        assertThat(vm.selectedProperty().get().name()).isEqualTo("claims");
        assertThat(vm.targetProperty().get()).isEqualTo(data.resolve("reports").resolve("claims-2025-03-20.xlsx").toString());
        vm.selectedProperty().set(report("aging"));
        assertThat(vm.targetProperty().get()).isEqualTo(data.resolve("reports").resolve("aging-2025-03-20.xlsx").toString());
    }

    @Test
    void anAsOfRunIsListedWithItsCutOffAndCanBeOpened() {
        vm.selectedProperty().set(report("aging"));
        vm.asOfProperty().set(LocalDate.of(2025, 3, 15));
        vm.run();

        assertThat(notices).isEmpty();
        assertThat(vm.runs()).singleElement().satisfies(run -> {
            assertThat(run.report()).isEqualTo("aging");
            assertThat(run.period()).isEqualTo("as of 2025-03-15");
            assertThat(run.file()).exists();
        });
        assertThat(vm.lastProperty().get()).isSameAs(vm.runs().get(0));
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void refusesATargetThatIsNotAWorkbookAndWritesNothing() {
        vm.targetProperty().set(data.resolve("claims.csv").toString());
        vm.run();

        assertThat(vm.messageProperty().get())
                .isEqualTo("The file claims.csv must end in .xlsx (an Excel workbook) or .pdf (a PDF).");
        assertThat(notices).extracting(Notice::text).containsExactly(vm.messageProperty().get());
        assertThat(vm.runs()).isEmpty();
        assertThat(data.resolve("claims.csv")).doesNotExist();
    }

    @Test
    void choosingPdfRenamesTheTargetAndWritesAPdf() throws Exception {
        vm.formatProperty().set(Format.PDF);
        assertThat(vm.targetProperty().get()).isEqualTo(data.resolve("reports").resolve("claims-2025-03-20.pdf").toString());
        vm.selectedProperty().set(report("denials"));
        assertThat(vm.targetProperty().get()).endsWith("denials-2025-03-20.pdf");

        vm.run();

        assertThat(notices).isEmpty();
        Path pdf = vm.runs().get(0).file();
        assertThat(pdf.getFileName().toString()).isEqualTo("denials-2025-03-20.pdf");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        vm.formatProperty().set(Format.XLSX);
        assertThat(vm.targetProperty().get()).endsWith("denials-2025-03-20.xlsx");
    }

    @Test
    void printWritesThePdfAndHandsThatFileToThePrinter() {
        List<Path> printed = new ArrayList<>();
        vm = new ReportsViewModel(ReportRunner.standard(db.transactions()), data, TestStores.CLOCK,
                new SynchronousTaskRunner(), notices::add, (pdf, job) -> printed.add(pdf));
        vm.selectedProperty().set(report("aging"));

        vm.print();

        assertThat(notices).isEmpty();
        assertThat(vm.formatProperty().get()).isEqualTo(Format.PDF);
        assertThat(printed).singleElement().satisfies(pdf -> {
            assertThat(pdf).exists();
            assertThat(pdf.getFileName().toString()).isEqualTo("aging-2025-03-20.pdf");
        });
        assertThat(vm.runs()).singleElement().extracting(ReportsViewModel.Run::file).isEqualTo(printed.get(0));
    }

    @Test
    void aPrinterThatFailsIsExplainedAndThePdfStays() {
        vm = new ReportsViewModel(ReportRunner.standard(db.transactions()), data, TestStores.CLOCK,
                new SynchronousTaskRunner(), notices::add, (pdf, job) -> {
                    throw new java.awt.print.PrinterException("No printer is set up on this computer.");
                });

        vm.print();

        assertThat(notices).singleElement().extracting(Notice::text).asString().contains("No printer is set up");
        assertThat(vm.runs()).singleElement().satisfies(run -> assertThat(run.file()).exists());
    }

    @Test
    void aReportNamingPatientsIsLoggedAsADisclosureToTheRecipientTyped() {
        assertThat(vm.selectedProperty().get().namesPatients()).isTrue();
        vm.recipientProperty().set("  ACME PBM audit 2025-114 ");
        vm.run();
        vm.targetProperty().set(data.resolve("second.xlsx").toString());
        vm.recipientProperty().set(" ");
        vm.run();

        assertThat(notices).isEmpty();
        List<String> recipients = db.jdbi().withHandle(h -> h.createQuery("SELECT recipient FROM disclosure ORDER BY id")
                .mapTo(String.class).list());
        assertThat(recipients).containsExactly("ACME PBM audit 2025-114", "not stated");
    }
}
