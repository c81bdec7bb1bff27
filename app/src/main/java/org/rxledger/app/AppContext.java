package org.rxledger.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditPacketAssembler;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reporting.StoredRemittanceHistory;
import org.rxledger.core.remit.InterruptedImport;
import org.rxledger.core.remit.PostImportStep;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.access.Actor;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.security.DataKey;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

/**
 * Composition root: database → repositories → services. Built once per process (workstation or
 * CLI command); no DI framework, everything is passed by constructor.
 */
public final class AppContext implements AutoCloseable {

    private static final long BUSY_POLL_MILLIS = 200;

    private final Path dataDir;
    private final Actor actor;
    private final Clock clock;
    private final Database database;

    private AppContext(Path dataDir, Actor actor, Clock clock, Database database) {
        this.dataDir = dataDir;
        this.actor = actor;
        this.clock = clock;
        this.database = database;
        signInIfNoAccounts();
    }

    /**
     * Opens the data directory's database (creating and migrating it if needed). Nobody is signed in unless the
     * office has no account yet ({@link #signInIfNoAccounts}).
     */
    public static AppContext open(Path dataDir, Actor actor, Clock clock) {
        return new AppContext(dataDir, actor, clock, Database.open(dataDir, actor, clock));
    }

    public static AppContext open(Path dataDir) {
        return open(dataDir, Actor.fromOperatingSystem(), Clock.systemDefaultZone());
    }

    /** Opens an encrypted office with the data key a sign-in unwrapped ({@link org.rxledger.core.security.OfficeKeys#unlock}). */
    public static AppContext open(Path dataDir, DataKey key) {
        Actor actor = Actor.fromOperatingSystem();
        Clock clock = Clock.systemDefaultZone();
        return new AppContext(dataDir, actor, clock, Database.open(dataDir, actor, clock, "RxLedger", key));
    }

    /**
     * Opens the data directory, waiting up to {@code wait} while another process holds it (a long import in
     * the workstation, a script's command): {@code waiting} hears once who holds it. Still busy after the wait,
     * the {@link org.rxledger.core.store.DataFolderBusyException} naming the holder is thrown.
     *
     * @param purpose what this process does, shown to others that find the folder busy (command words only)
     */
    public static AppContext open(Path dataDir, Duration wait, String purpose, Consumer<String> waiting) {
        return open(dataDir, wait, purpose, waiting, null);
    }

    /** The same for an encrypted office, with the data key a sign-in unwrapped (null: a clear or unclaimed one). */
    public static AppContext open(Path dataDir, Duration wait, String purpose, Consumer<String> waiting, DataKey key) {
        Actor actor = Actor.fromOperatingSystem();
        Clock clock = Clock.systemDefaultZone();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                return new AppContext(dataDir, actor, clock, Database.open(dataDir, actor, clock, purpose, key));
            } catch (org.rxledger.core.store.DataFolderBusyException busy) {
                if (System.nanoTime() - deadline >= 0) {
                    throw busy;
                }
                if (!told) {
                    waiting.accept("waiting for the data folder " + dataDir + " held by " + busy.holderDescription()
                            + " (up to " + wait.toSeconds() + " s; --wait SECONDS to change)");
                    told = true;
                }
                try {
                    Thread.sleep(BUSY_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Actor actor() {
        return actor;
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return database.transactions();
    }

    /** True on a first launch: no claims yet (the workstation then offers/creates the demo office). */
    public boolean officeIsEmpty() {
        return transactions().read(tx -> tx.port(ClaimRepository.class).count() == 0);
    }

    /**
     * The 835 import use case, wired with what runs after each import inside its transaction
     * (automatic matching and posting once they exist). The one place the CLI, the workstation and
     * the inbox watcher get it from, so they all behave the same.
     */
    public RemittanceImportService remittanceImports() {
        return new RemittanceImportService(transactions(), RemittanceImportService.archiveDirIn(dataDir), postImportStep());
    }

    /** What runs inside each 835 import's transaction after the file is stored; MTF payments skip the plans' matching. */
    PostImportStep postImportStep() {
        return new org.rxledger.core.mfp.MfpImportStep(new org.rxledger.core.posting.MatchAndPostStep());
    }

    /** PBM audit cases; attached documents are kept under the data directory. */
    public AuditCaseService auditCases() {
        return new AuditCaseService(transactions(), dataDir, clock);
    }

    /** Gathers the data of a desk-audit packet (the PDF writer is in the reports module). */
    public AuditPacketAssembler auditPacketAssembler() {
        return new AuditPacketAssembler(transactions(), dataDir, new StoredRemittanceHistory(transactions()), clock);
    }

    /** Accounts, sign-in and passwords (issue 16); PBKDF2 at its default work factor (ADR 0016). */
    public AccountService accounts() {
        return new AccountService(transactions(), new PasswordHasher(), database.keySlots());
    }

    /**
     * An office without any account yet (a folder set up before accounts existed, or never set up) has nobody
     * to sign in as: its opener, the operating-system user, acts with every permission until the first account
     * exists (docs/adr/0020-sign-in-and-enforcement.md). Returns false, signing nobody in, once an account exists.
     */
    public boolean signInIfNoAccounts() {
        Optional<Session> opener = accounts().sessionWithoutAccounts(actor);
        opener.ifPresent(transactions()::signIn);
        return opener.isPresent();
    }

    /** Refuses (audited, {@link org.rxledger.core.access.PermissionDenied}) unless the signed-in person may. */
    public void require(Permission permission, String action) {
        new Authorizer(transactions()).require(permission, action);
    }

    public Database database() {
        return database;
    }

    /**
     * What opening the data folder found and settled of imports a killed process had left unpublished
     * (docs/crash-safety.md): one message per file, empty almost always. Shown by the CLI and the workstation.
     */
    public List<String> openingNotices() {
        return database.interruptedImports().stream().map(InterruptedImport::message).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
