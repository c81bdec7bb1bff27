package org.rxledger.core.store;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.rxledger.core.audit.AuditCaseRepository;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.deposit.DepositRepository;
import org.rxledger.core.exceptions.ExceptionRepository;
import org.rxledger.core.claim.RejectQueueRepository;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.payer.PayerRepository;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.recon.ReconRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportPublications;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.security.Actor;
import org.rxledger.core.security.AccountRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.sync.Journal;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/** Runs units of work on one Jdbi handle each, in a database transaction. */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final Actor actor;
    private final Clock clock;
    private final Object pauseLock = new Object();
    private int pauses;

    JdbiTransactions(Jdbi jdbi, Actor actor, Clock clock) {
        this.jdbi = jdbi;
        this.actor = actor;
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

    @Override
    public <T> T read(Work<T> work) {
        try {
            return jdbi.withHandle(handle -> work.run(new JdbiTx(handle)));
        } catch (RuntimeException e) {
            throw SqlErrors.isDatabaseError(e) ? SqlErrors.translate(e) : e;
        }
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public void flushToDisk() {
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    }

    @Override
    public Pause pauseBackgroundWrites() {
        synchronized (pauseLock) {
            if (pauses++ == 0) {
                jdbi.useHandle(h -> h.execute("SET WRITE_DELAY 0"));
            }
        }
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (pauseLock) {
                    if (--pauses == 0) {
                        jdbi.useHandle(h -> h.execute("SET WRITE_DELAY " + Database.WRITE_DELAY_MILLIS));
                    }
                }
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private final class JdbiTx implements Tx {
        private final Handle handle;
        private ReferenceRepository reference;
        private ClaimRepository claims;
        private LedgerRepository ledger;
        private RemittanceRepository remittances;
        private Journal journal;
        private AuditTrail audit;
        private AuditCaseRepository auditCases;
        private DepositRepository deposits;
        private MatchRepository matches;
        private PostingRepository postings;
        private ReconRepository recon;
        private RejectQueueRepository rejectQueue;
        private ReportingRepository reporting;
        private ExceptionRepository exceptions;
        private AccountRepository accounts;
        private DisclosureLog disclosures;
        private PayerRepository payers;
        private ImportPublications importPublications;

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
        public ReferenceRepository reference() {
            if (reference == null) {
                reference = new JdbiReferenceRepository(handle);
            }
            return reference;
        }

        @Override
        public ClaimRepository claims() {
            if (claims == null) {
                claims = new JdbiClaimRepository(handle);
            }
            return claims;
        }

        @Override
        public LedgerRepository ledger() {
            if (ledger == null) {
                ledger = new JdbiLedgerRepository(handle);
            }
            return ledger;
        }

        @Override
        public RemittanceRepository remittances() {
            if (remittances == null) {
                remittances = new JdbiRemittanceRepository(handle);
            }
            return remittances;
        }

        @Override
        public Journal journal() {
            if (journal == null) {
                journal = new JdbiJournal(handle, actor, clock);
            }
            return journal;
        }

        @Override
        public AuditTrail audit() {
            if (audit == null) {
                audit = new JdbiAuditTrail(handle, actor, clock);
            }
            return audit;
        }

        @Override
        public AuditCaseRepository auditCases() {
            if (auditCases == null) {
                auditCases = new JdbiAuditCaseRepository(handle);
            }
            return auditCases;
        }

        @Override
        public DepositRepository deposits() {
            if (deposits == null) {
                deposits = new JdbiDepositRepository(handle, actor, clock);
            }
            return deposits;
        }

        @Override
        public MatchRepository matches() {
            if (matches == null) {
                matches = new JdbiMatchRepository(handle);
            }
            return matches;
        }

        @Override
        public PostingRepository postings() {
            if (postings == null) {
                postings = new JdbiPostingRepository(handle);
            }
            return postings;
        }

        @Override
        public ReconRepository recon() {
            if (recon == null) {
                recon = new JdbiReconRepository(handle);
            }
            return recon;
        }

        @Override
        public RejectQueueRepository rejectQueue() {
            if (rejectQueue == null) {
                rejectQueue = new JdbiRejectQueueRepository(handle, actor, clock);
            }
            return rejectQueue;
        }

        @Override
        public ReportingRepository reporting() {
            if (reporting == null) {
                reporting = new JdbiReportingRepository(handle);
            }
            return reporting;
        }

        @Override
        public ExceptionRepository exceptions() {
            if (exceptions == null) {
                exceptions = new JdbiExceptionRepository(handle);
            }
            return exceptions;
        }

        @Override
        public AccountRepository accounts() {
            if (accounts == null) {
                accounts = new JdbiAccountRepository(handle);
            }
            return accounts;
        }

        @Override
        public DisclosureLog disclosures() {
            if (disclosures == null) {
                disclosures = new JdbiDisclosureLog(handle, actor, clock);
            }
            return disclosures;
        }

        @Override
        public PayerRepository payers() {
            if (payers == null) {
                payers = new JdbiPayerRepository(handle);
            }
            return payers;
        }

        @Override
        public ImportPublications importPublications() {
            if (importPublications == null) {
                importPublications = new JdbiImportPublications(handle, actor, clock);
            }
            return importPublications;
        }

        @Override
        public org.rxledger.core.mfp.MfpRepository mfp() {
            return new JdbiMfpRepository(handle);
        }
    }
}
