package org.rxledger.app.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;

/** Fresh in-memory databases and workstation setups for app tests. */
public final class TestStores {

    public static final Actor CLERK = new Actor("clerk1", "ws-test");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-20T15:00:00Z"), ZoneOffset.UTC);

    private TestStores() {
    }

    public static Database freshDatabase() {
        return Database.inMemory("app-test-" + UUID.randomUUID(), CLERK, CLOCK);
    }

    /** The sample 835 of core's test resources: four claim payments and a PLB WO naming no claim (see its README). */
    public static Path sample835() {
        return SampleFiles.sample835();
    }

    /**
     * Imports a copy of {@link #sample835()} into {@code db} without matching or posting (the import use case's
     * default hand-off), archiving into a temporary folder: in an office without claims its four claim payments
     * stay unmatched and its PLB WO unattributed, which is what the exceptions and deposits screens start from.
     */
    public static ImportOutcome.Imported importSample835(Database db) {
        try {
            Path copy = Files.copy(sample835(), Files.createTempDirectory("rx-sample835-").resolve("sample.835"));
            ImportOutcome outcome = new RemittanceImportService(db.transactions(), copy.getParent().resolve("archive"))
                    .importFile(copy, ProgressListener.NONE, () -> false);
            if (!(outcome instanceof ImportOutcome.Imported imported)) {
                throw new AssertionError("the sample 835 did not import: " + outcome);
            }
            return imported;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkstationSetup setup(Database db, OfficeSeeder seeder, Settings settings) {
        BooleanSupplier empty = () -> db.transactions().read(tx -> tx.port(ClaimRepository.class).count() == 0);
        return new WorkstationSetup(db.transactions(), CLERK, Path.of("/tmp/rxledger-test-data"), empty, seeder, settings);
    }
}
