package org.rxledger.core.store;

import java.nio.file.Path;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.TestDatabases;

/**
 * The process {@link CrashConsistencyTest} kills: opens the file database in a data folder, as the CLI
 * does, and imports one 835 with matching and posting. Prints {@value #DONE} and the outcome when it
 * gets to the end; the import service's own log lines (to stdout in tests) tell the parent where it is.
 */
public final class CrashImportChild {

    static final String DONE = "CHILD-DONE";

    private CrashImportChild() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Path file = Path.of(args[1]);
        try (Database db = TestDatabases.open(dataDir)) {
            RemittanceImportService imports = new RemittanceImportService(db.transactions(),
                    RemittanceImportService.archiveDirIn(dataDir), new MatchAndPostStep());
            ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
            System.out.println(DONE + " " + outcome.status());
        }
    }
}
