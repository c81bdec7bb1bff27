package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

/** Issue 23 items 8 and 9 at the store: one holder per data folder, owner-only files, no values in errors or traces. */
class DataFolderTest {

    private static final String PATIENT = "ZZPHIPATIENTLASTNAME";

    @TempDir
    Path dir;

    @Test
    void aSecondOpenOfTheFolderIsRefusedNamingTheHolderUntilTheFirstCloses() {
        try (Database first = TestDatabases.open(dir, "rxledger remit import")) {
            assertThat(DataFolderLock.holder(dir)).get().satisfies(h -> {
                assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(h.command()).isEqualTo("rxledger remit import");
            });
            assertThatThrownBy(() -> TestDatabases.open(dir, "rxledger claims list"))
                    .isInstanceOf(DataFolderBusyException.class)
                    .hasMessageContaining("is in use by process " + ProcessHandle.current().pid() + " (rxledger remit import, since ");
            // the refused open took nothing away from the holder
            long claims = first.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            assertThat(claims).isZero();
        }
        assertThat(DataFolderLock.holder(dir)).isEmpty();
        try (Database again = TestDatabases.open(dir)) {
            long claims = again.transactions().read(tx -> tx.port(ClaimRepository.class).count());
            assertThat(claims).isZero();
        }
    }

    @Test
    void aRegularFileIsNotADataFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class).hasMessage("The data folder " + file + " is a file, not a folder");
    }

    @Test
    void theFolderAndItsFilesBecomeOwnerOnlyAndOtherFilesAreLeftAlone() throws IOException {
        assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).as("POSIX permissions").isNotNull();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = Files.createDirectories(data.resolve("logs")).resolve("rxledger.log");
        Path archived = Files.createDirectories(data.resolve("remittances").resolve("archive")).resolve("abc.835");
        Path report = Files.createDirectories(data.resolve("reports")).resolve("claims-2025-03-20.pdf");
        Path unrelated = data.resolve("other.txt");
        for (Path p : new Path[] {log, archived, report, unrelated}) {
            Files.writeString(p, "x");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Database db = TestDatabases.open(data)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("logs"))).isEqualTo("rwx------");
            assertThat(mode(log)).isEqualTo("rw-------");
            assertThat(mode(archived)).isEqualTo("rw-------");
            assertThat(mode(data.resolve("reports"))).isEqualTo("rwx------");
            assertThat(mode(report)).isEqualTo("rw-------");
            assertThat(mode(data.resolve("rxledger.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve(DataFolderLock.FILE_NAME))).isEqualTo("rw-------");
            assertThat(mode(unrelated)).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void anArchived835IsOwnerOnlyWhateverTheOriginalsPermissions() throws IOException {
        assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).as("POSIX permissions").isNotNull();
        Path original = Files.write(dir.resolve("acme.835"), Samples.bytes(Samples.SAMPLE_835));
        Files.setPosixFilePermissions(original, PosixFilePermissions.fromString("rw-r--r--"));
        Path archive = dir.resolve("data").resolve("remittances").resolve("archive");
        try (Database db = TestDatabases.fresh()) {
            ImportOutcome outcome = new RemittanceImportService(db.transactions(), archive).importFile(original, ProgressListener.NONE, () -> false);
            assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        }
        try (var archived = Files.list(archive)) {
            assertThat(archived.toList()).singleElement().satisfies(p -> assertThat(mode(p)).isEqualTo("rw-------"));
        }
    }

    @Test
    void aValueTooLongForItsColumnFailsWithStateAndColumnButNoValueAndLeavesNoTraceFile() throws IOException {
        Files.writeString(dir.resolve("rxledger.trace.db"), "an older version's trace with " + PATIENT);
        try (Database db = TestDatabases.open(dir)) {
            assertThat(dir.resolve("rxledger.trace.db")).doesNotExist();

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> db.transactions().inTransaction(tx ->
                    tx.port(ReferenceRepository.class).insertPatient("ALPHA", PATIENT.repeat(4), LocalDate.of(1962, 4, 15), Patient.Gender.UNSPECIFIED)));

            assertThat(thrown).isInstanceOf(StoreException.class)
                    .hasMessageContaining("SQL state 22001").hasMessageContaining("column LAST_NAME").hasMessageContaining("table PATIENT");
            StringWriter everything = new StringWriter();
            thrown.printStackTrace(new PrintWriter(everything));
            assertThat(everything.toString()).doesNotContain(PATIENT).doesNotContain("1962").doesNotContain("ALPHA");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
