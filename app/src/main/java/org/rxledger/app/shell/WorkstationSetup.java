package org.rxledger.app.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.rxledger.app.AppContext;
import org.rxledger.app.CentralSync;
import org.rxledger.app.settings.Settings;
import org.rxledger.core.claim.RejectQueue;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.access.Actor;
import org.rxledger.core.security.KeySlots;
import org.rxledger.core.sync.SyncService;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.ReportRunner;

/**
 * What the workstation window needs from the composition root. Tests build one around an in-memory
 * database; the app builds it from the {@link AppContext}.
 *
 * @param remittanceImports the 835 import use case ({@link AppContext#remittanceImports()}), or null
 *                          when this window cannot import (then no inbox is watched either)
 * @param openingNotices    what opening the data folder settled of interrupted imports ({@link AppContext#openingNotices()}),
 *                          shown once the window is up
 * @param sync              the sync use case when a central server is saved for this data folder, empty when not
 *                          ({@link CentralSync#service}); asked on the TaskRunner, as it reads the local database
 * @param keySlots          the encrypted office's key file, told of the passwords set here ({@link KeySlots#NONE}: clear)
 */
public record WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                               OfficeSeeder seeder, Settings settings,
                               Supplier<RemittanceImportService> remittanceImports, List<String> openingNotices,
                               Supplier<Optional<SyncService>> sync, KeySlots keySlots) {

    public WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                            OfficeSeeder seeder, Settings settings, Supplier<RemittanceImportService> remittanceImports,
                            List<String> openingNotices, Supplier<Optional<SyncService>> sync) {
        this(transactions, actor, dataDir, officeIsEmpty, seeder, settings, remittanceImports, openingNotices, sync,
                KeySlots.NONE);
    }

    public WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                            OfficeSeeder seeder, Settings settings, Supplier<RemittanceImportService> remittanceImports,
                            List<String> openingNotices) {
        this(transactions, actor, dataDir, officeIsEmpty, seeder, settings, remittanceImports, openingNotices, null);
    }

    public WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                            OfficeSeeder seeder, Settings settings, Supplier<RemittanceImportService> remittanceImports) {
        this(transactions, actor, dataDir, officeIsEmpty, seeder, settings, remittanceImports, List.of());
    }

    /** Without remittance import (screens that only read). */
    public WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                            OfficeSeeder seeder, Settings settings) {
        this(transactions, actor, dataDir, officeIsEmpty, seeder, settings, null);
    }

    public WorkstationSetup {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(officeIsEmpty, "officeIsEmpty");
        Objects.requireNonNull(seeder, "seeder");
        Objects.requireNonNull(settings, "settings");
        openingNotices = openingNotices == null ? List.of() : List.copyOf(openingNotices);
        sync = sync == null ? Optional::empty : sync;
        keySlots = keySlots == null ? KeySlots.NONE : keySlots;
    }

    /** The clock of the store's transactions: "today" on the screens is the day the use cases see. */
    public Clock clock() {
        return transactions.clock();
    }

    // The use cases the screens call, built here so that no screen opens a transaction or reads a repository
    // itself (ScreensUseUseCasesTest).

    public PayerDirectoryService payerDirectory() {
        return new PayerDirectoryService(transactions);
    }

    public org.rxledger.core.contract.ContractService contracts() {
        return new org.rxledger.core.contract.ContractService(transactions);
    }

    public ReconciliationService reconciliation() {
        return new ReconciliationService(transactions);
    }

    public DailyReconciliationService dailyReconciliation() {
        return new DailyReconciliationService(transactions);
    }

    public DepositService deposits() {
        return new DepositService(transactions);
    }

    /** Who is signed in to this window's transactions, if anyone is (for the status bar). */
    public java.util.Optional<org.rxledger.core.access.Session> session() {
        return transactions.session();
    }

    public org.rxledger.core.collections.PatientAccountService patientAccounts() {
        return new org.rxledger.core.collections.PatientAccountService(transactions);
    }

    public org.rxledger.core.collections.WriteOffService writeOffs() {
        return new org.rxledger.core.collections.WriteOffService(transactions);
    }

    public org.rxledger.core.mfp.MfpService mfp() {
        return new org.rxledger.core.mfp.MfpService(transactions);
    }

    public org.rxledger.core.exceptions.ExceptionQueue exceptionQueue() {
        return new org.rxledger.core.exceptions.ExceptionQueue(transactions);
    }

    public org.rxledger.core.claim.ClaimRecords claimRecords() {
        return new org.rxledger.core.claim.ClaimRecords(transactions);
    }

    public org.rxledger.core.claim.ClaimIdentifiers claimIdentifiers() {
        return new org.rxledger.core.claim.ClaimIdentifiers(transactions);
    }

    /** Charge entry's use cases (reverse, correct, rebill, mark paper) under the standard claim rules. */
    public org.rxledger.core.claim.ChargeEntry chargeEntry() {
        return new org.rxledger.core.claim.ChargeEntry(transactions, new org.rxledger.core.claim.ClaimRules(clock()));
    }

    public org.rxledger.core.remit.RejectionLog rejectionLog() {
        return new org.rxledger.core.remit.RejectionLog(transactions);
    }

    public org.rxledger.core.sync.SyncAttention syncAttention() {
        return new org.rxledger.core.sync.SyncAttention(transactions);
    }

    public org.rxledger.core.security.AccountService accounts() {
        // told of every password set here, so an encrypted office's key file follows (ADR 0033)
        return new org.rxledger.core.security.AccountService(transactions, new org.rxledger.core.security.PasswordHasher(),
                keySlots);
    }

    /** The header's search over claims, payments, audit cases, exceptions and patient accounts. */
    public org.rxledger.core.search.GlobalSearch globalSearch() {
        return new org.rxledger.core.search.GlobalSearch(transactions, exceptionQueue()::items);
    }

    public org.rxledger.core.audit.AuditCaseService auditCases() {
        return new org.rxledger.core.audit.AuditCaseService(transactions, dataDir, clock());
    }

    public org.rxledger.core.audit.AuditPacketAssembler auditPackets() {
        return new org.rxledger.core.audit.AuditPacketAssembler(transactions, dataDir,
                new org.rxledger.core.reporting.StoredRemittanceHistory(transactions), clock());
    }

    public RejectQueue rejectQueue() {
        return new RejectQueue(transactions);
    }

    public ReportRunner reports() {
        return ReportRunner.standard(transactions);
    }

    public static WorkstationSetup of(AppContext ctx, OfficeSeeder seeder) {
        return new WorkstationSetup(ctx.transactions(), ctx.actor(), ctx.dataDir(), ctx::officeIsEmpty, seeder,
                Settings.user(ctx.dataDir()), ctx::remittanceImports, ctx.openingNotices(),
                () -> CentralSync.service(ctx.database(), ctx.dataDir()), ctx.database().keySlots());
    }
}
