package org.rxledger.core.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.exceptions.ExceptionRepository;
import org.rxledger.core.claim.RejectQueueRepository;
import org.rxledger.core.collections.CollectionsRepository;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.mfp.MfpRepository;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.kpi.KpiRepository;
import org.rxledger.core.payer.PayerRepository;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.recon.ReconRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportPublications;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.search.SearchRepository;
import org.rxledger.core.security.AccountRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.access.Permission;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.access.Session;
import org.rxledger.core.access.Actor;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.sync.SyncAttentionRepository;
import org.rxledger.core.tx.Tx;

/**
 * Runs units of work on one Jdbi handle each, in a database transaction. Each transaction acts as the
 * person signed in when it began, or as the opener's {@link Actor} (the operating-system user: opening
 * the folder, settling an interrupted import) while nobody is.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    /** The owner's: the flush and the writer's delay are the database's, which only the owner may change. */
    private final Jdbi maintenance;
    private final Actor opener;
    private final Clock clock;
    private volatile Session session;
    private final Object pauseLock = new Object();
    private int pauses;

    JdbiTransactions(Jdbi jdbi, Jdbi maintenance, Actor actor, Clock clock) {
        this.jdbi = jdbi;
        this.maintenance = maintenance;
        this.opener = actor;
        this.clock = clock;
    }

    /** Database failures leave here translated ({@link SqlErrors}): their text would carry patients' values to the log. */
    @Override
    public <T> T inTransaction(Work<T> work) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> work.run(new JdbiTx(handle)));
        } catch (RuntimeException e) {
            throw SqlErrors.isDatabaseError(e) ? SqlErrors.translate(e) : e;
        }
    }

    /** The check lives in the security area's {@link Authorizer}; the store is the one place that knows both. */
    @Override
    public <T> T inTransaction(Permission needed, String action, Work<T> work) {
        new Authorizer(this).require(needed, action);
        return inTransaction(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        try {
            return jdbi.withHandle(handle -> work.run(new JdbiTx(handle)));
        } catch (RuntimeException e) {
            throw SqlErrors.isDatabaseError(e) ? SqlErrors.translate(e) : e;
        }
    }

    /** Who a transaction begun now acts as. */
    public Actor actor() {
        Session current = session;
        return current == null ? opener : current.actor();
    }

    @Override
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public void signIn(Session session) {
        this.session = java.util.Objects.requireNonNull(session, "session");
    }

    @Override
    public void signOut() {
        this.session = null;
    }

    /** A unit of work that also writes through its transaction's handle: store adapters' own rows (sync's inbound log). */
    <T> T inTransactionWithHandle(java.util.function.BiFunction<Tx, Handle, T> work) {
        return inTransaction(tx -> work.apply(tx, ((JdbiTx) tx).handle));
    }

    @Override
    public void flushToDisk() {
        maintenance.useHandle(h -> h.execute("CHECKPOINT"));
    }

    @Override
    public Pause pauseBackgroundWrites() {
        synchronized (pauseLock) {
            if (pauses++ == 0) {
                maintenance.useHandle(h -> h.execute("SET WRITE_DELAY 0"));
            }
        }
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (pauseLock) {
                    if (--pauses == 0) {
                        maintenance.useHandle(h -> h.execute("SET WRITE_DELAY " + Database.WRITE_DELAY_MILLIS));
                    }
                }
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Opens one port on a transaction's handle. */
    @FunctionalInterface
    private interface PortFactory {
        Object open(Handle handle, Actor actor, Clock clock);
    }

    /**
     * Every port the store implements, by the area's interface. The store is the one place allowed to know every
     * area (docs/adr/0018-areas-own-their-ports.md); a new port is one line here.
     */
    private static final Map<Class<?>, PortFactory> PORTS = Map.ofEntries(
            Map.entry(ReferenceRepository.class, (handle, actor, clock) -> new JdbiReferenceRepository(handle)),
            Map.entry(ClaimRepository.class, (handle, actor, clock) -> new JdbiClaimRepository(handle)),
            Map.entry(LedgerRepository.class, (handle, actor, clock) -> new JdbiLedgerRepository(handle)),
            Map.entry(RemittanceRepository.class, (handle, actor, clock) -> new JdbiRemittanceRepository(handle)),
            Map.entry(Journal.class, (handle, actor, clock) -> new JdbiJournal(handle, actor, clock)),
            Map.entry(AuditTrail.class, (handle, actor, clock) -> new JdbiAuditTrail(handle, actor, clock)),
            Map.entry(AuditCaseRepository.class, (handle, actor, clock) -> new JdbiAuditCaseRepository(handle)),
            Map.entry(DepositRepository.class, (handle, actor, clock) -> new JdbiDepositRepository(handle, actor, clock)),
            Map.entry(MatchRepository.class, (handle, actor, clock) -> new JdbiMatchRepository(handle)),
            Map.entry(PostingRepository.class, (handle, actor, clock) -> new JdbiPostingRepository(handle)),
            Map.entry(ReconRepository.class, (handle, actor, clock) -> new JdbiReconRepository(handle)),
            Map.entry(RejectQueueRepository.class, (handle, actor, clock) -> new JdbiRejectQueueRepository(handle, actor, clock)),
            Map.entry(ReportingRepository.class, (handle, actor, clock) -> new JdbiReportingRepository(handle)),
            Map.entry(ExceptionRepository.class, (handle, actor, clock) -> new JdbiExceptionRepository(handle)),
            Map.entry(AccountRepository.class, (handle, actor, clock) -> new JdbiAccountRepository(handle)),
            Map.entry(DisclosureLog.class, (handle, actor, clock) -> new JdbiDisclosureLog(handle, actor, clock)),
            Map.entry(PayerRepository.class, (handle, actor, clock) -> new JdbiPayerRepository(handle)),
            Map.entry(ImportPublications.class, (handle, actor, clock) -> new JdbiImportPublications(handle, actor, clock)),
            Map.entry(CollectionsRepository.class, (handle, actor, clock) -> new JdbiCollectionsRepository(handle, clock)),
            Map.entry(MfpRepository.class, (handle, actor, clock) -> new JdbiMfpRepository(handle)),
            Map.entry(SearchRepository.class, (handle, actor, clock) -> new JdbiSearchRepository(handle)),
            Map.entry(SyncAttentionRepository.class, (handle, actor, clock) -> new JdbiSyncAttentionRepository(handle)),
            Map.entry(ContractRepository.class, (handle, actor, clock) -> new JdbiContractRepository(handle)),
            Map.entry(KpiRepository.class, (handle, actor, clock) -> new JdbiKpiRepository(handle)));

    private final class JdbiTx implements Tx {
        private final Handle handle;
        private final Map<Class<?>, Object> opened = new HashMap<>();
        /** Fixed for the whole transaction, even if someone signs in meanwhile. */
        private final Actor actor = JdbiTransactions.this.actor();
        private final IdentifierMask identifierMask = IdentifierMask.of(JdbiTransactions.this.session());

        JdbiTx(Handle handle) {
            this.handle = handle;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public IdentifierMask identifierMask() {
            return identifierMask;
        }

        @Override
        public <P> P port(Class<P> type) {
            Object port = opened.get(type);
            if (port == null) {
                PortFactory factory = PORTS.get(type);
                if (factory == null) {
                    throw new IllegalArgumentException("The store implements no port " + type.getName());
                }
                port = factory.open(handle, actor, clock);
                opened.put(type, port);
            }
            return type.cast(port);
        }

    }
}
