package org.rxledger.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.rxledger.app.audits.AuditsViewModel;
import org.rxledger.app.claims.ClaimsViewModel;
import org.rxledger.app.recon.ReconciliationViewModel;
import org.rxledger.app.remits.InboxWatcher;
import org.rxledger.app.remits.RemittanceImports;
import org.rxledger.app.remits.RemittancesViewModel;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.app.charges.ChargeEntryViewModel;
import org.rxledger.app.claims.ClaimsViewModel;
import org.rxledger.app.rejects.RejectQueueViewModel;
import org.rxledger.app.exceptions.ExceptionsViewModel;
import org.rxledger.app.payers.PayersViewModel;
import org.rxledger.app.contracts.ContractsViewModel;
import org.rxledger.app.reports.ReportsViewModel;
import org.rxledger.app.collections.CollectionsViewModel;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.app.task.JobStatus;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;

/**
 * The main window: navigation, quick search, status bar, notifications and the first-launch flow.
 */
public final class ShellViewModel {

    static final String KEY_DARK = "theme.dark";

    private final WorkstationSetup setup;
    private final TaskRunner runner;
    private final ClaimsViewModel claims;
    private final ReconciliationViewModel reconciliation;
    private final ChargeEntryViewModel chargeEntry;
    private final RejectQueueViewModel rejects;
    private final AuditsViewModel audits;
    private final ObservableList<Area> areas = FXCollections.observableArrayList(Area.values());
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>(this, "area", Area.CLAIMS);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    /** The header's quick search box: typing filters the claims; it empties when that filter is cleared or replaced. */
    private final StringProperty quickSearchText = new SimpleStringProperty(this, "quickSearchText", "");
    private boolean syncingQuickSearch;
    private final StringBinding claimCount;
    private final RemittancesViewModel remittances;
    private final InboxWatcher inbox;
    private final ExceptionsViewModel exceptions;
    private final PayersViewModel payers;
    private final ContractsViewModel contracts;
    private final CollectionsViewModel collections;
    private final ReportsViewModel reports;
    private final SyncIndicator sync;

    public ShellViewModel(WorkstationSetup setup, TaskRunner runner) {
        this.setup = setup;
        this.runner = runner;
        this.claims = new ClaimsViewModel(setup.transactions(), runner, setup.settings(), this::notify);
        this.reconciliation = new ReconciliationViewModel(setup.reconciliation(), setup.dailyReconciliation(),
                setup.deposits(), setup.mfp(), runner, this::notify, setup.clock());
        area.addListener((o, was, now) -> {
            if (now == Area.RECONCILIATION) {
                reconciliation.shown();
            }
        });
        this.chargeEntry = new ChargeEntryViewModel(setup.transactions(), runner, this::notify, setup.clock());
        this.rejects = new RejectQueueViewModel(setup.rejectQueue(), runner, this::notify);
        chargeEntry.setOnSaved(() -> {
            claims.reload();
            rejects.reload();
        });
        rejects.setOnRebill(this::rebill);
        claims.detail().setOnCorrect(id -> {
            area.set(Area.CHARGE_ENTRY);
            chargeEntry.startCorrection(id);
        });
        claims.detail().configure(setup.dataDir().resolve("documents"), this::rebill, () -> {
            claims.reload();
            rejects.reload();
        });
        area.addListener((o, was, now) -> {
            if (now == Area.REJECTS) {
                rejects.reload();
            } else if (now == Area.CHARGE_ENTRY) {
                // patients, plans and drugs arrive from the demo office, an import or the command line
                chargeEntry.loadReferences();
            }
        });
        this.audits = new AuditsViewModel(setup.transactions(), setup.dataDir(),
                setup.clock(), runner, this::notify);
        area.addListener((o, was, now) -> {
            if (now == Area.AUDITS) {
                audits.reload();
            }
        });
        darkTheme.set(Boolean.parseBoolean(setup.settings().get(KEY_DARK, "false")));
        darkTheme.addListener((o, was, now) -> setup.settings().put(KEY_DARK, String.valueOf(now)));
        this.remittances = new RemittancesViewModel(setup.transactions(), runner,
                setup.remittanceImports() == null ? null : () -> new RemittanceImports(
                        setup.remittanceImports().get(), new RejectionLog(setup.transactions())),
                this::notify);
        this.inbox = setup.remittanceImports() == null ? null : new InboxWatcher(setup.dataDir(), Clock.systemDefaultZone());
        area.addListener((o, was, now) -> {
            if (now == Area.REMITTANCES) {
                remittances.reload();
            }
        });
        this.exceptions = new ExceptionsViewModel(setup.transactions(), runner, setup.settings(), this::notify);
        exceptions.setOnOpenRx(this::quickSearch);
        exceptions.setOnOpenRemittance(ref -> showRemittance(
                new RemittancesViewModel.Target(ref.paymentId(), ref.remitClaimId(), ref.plbItemId())));
        area.addListener((o, was, now) -> {
            if (now == Area.EXCEPTIONS) {
                exceptions.reload();
            }
        });
        this.payers = new PayersViewModel(setup.payerDirectory(), runner, this::notify);
        this.contracts = new ContractsViewModel(setup.contracts(), runner, this::notify);
        area.addListener((o, was, now) -> {
            if (now == Area.CONTRACTS) {
                contracts.reload();
            }
        });
        this.sync = new SyncIndicator(setup.sync(), runner, this::notify, setup.clock().getZone());
        this.reports = new ReportsViewModel(setup.reports(), setup.dataDir(), setup.clock(), runner, this::notify);
        this.collections = new CollectionsViewModel(setup.patientAccounts(), setup.writeOffs(),
                new AccountService(setup.transactions(), new PasswordHasher()), setup.actor().workstation(), runner,
                this::notify, setup.clock());
        area.addListener((o, was, now) -> {
            if (now == Area.PATIENT_ACCOUNTS) {
                collections.reload();
            }
        });
        area.addListener((o, was, now) -> {
            if (now == Area.PAYERS) {
                payers.reload();
            }
        });
        quickSearchText.addListener((o, was, now) -> {
            if (!syncingQuickSearch) {
                quickSearch(now);
            }
        });
        claims.textProperty().addListener((o, was, now) -> {
            if (!quickSearchText.get().strip().equals(now == null ? "" : now)) {
                emptyQuickSearch();
            }
        });
        claimCount = Bindings.createStringBinding(
                () -> Formats.count(claims.claims().size()) + (claims.claims().size() == 1 ? " claim" : " claims"),
                claims.claims());
    }

    /** Called once the window shows: seeds an empty office (first launch), then loads the claims. */
    public void start() {
        if (inbox != null) {
            // the poller only lists the folder; each stable file is imported on the TaskRunner
            inbox.start(2, TimeUnit.SECONDS, file -> Platform.runLater(() -> remittances.importFromInbox(inbox, file)));
        }
        chargeEntry.loadReferences();
        sync.refresh();
        runner.run("Checking the data folder", progress -> setup.officeIsEmpty().getAsBoolean(), empty -> {
            if (empty && setup.seeder() != OfficeSeeder.NONE) {
                seedOffice();
            } else {
                if (empty) {
                    notify(Notice.info("No claims yet", "This data folder has no claims yet. Import claims or enter a charge to begin."));
                }
                claims.reload();
            }
            if (!setup.openingNotices().isEmpty()) {
                // an import cut short by a crash was settled on open: the clerk must know whether to import it again
                notify(new Notice(Notice.Kind.WARNING, "An import was interrupted", String.join(" ", setup.openingNotices())));
            }
        }, failure -> notify(Failures.explain("opening the data folder", failure)));
    }

    private void seedOffice() {
        runner.<String>run("Creating the demo office", setup.seeder()::seed, summary -> {
            notify(Notice.info("Demo office created", "This is a new data folder: RxLedger created a demo pharmacy office"
                    + (summary == null || summary.isBlank() ? "" : " — " + summary)
                    + ". Everything in it is fictional, so look around freely."));
            reload();
        }, failure -> {
            notify(Failures.explain("creating the demo office", failure));
            reload();
        });
    }

    /** F5: the claims, charge entry's patients, plans, prescribers and drugs, and the sync state, as stored now. */
    public void reload() {
        claims.reload();
        chargeEntry.loadReferences();
        sync.refresh();
    }

    /** Opens charge entry on an empty form (Ctrl+N). */
    public void newCharge() {
        area.set(Area.CHARGE_ENTRY);
    }

    /** Opens a saved claim in charge entry; saving there rebills it (B3). */
    public void rebill(long claimId) {
        area.set(Area.CHARGE_ENTRY);
        chargeEntry.startRebill(claimId);
    }

    public ChargeEntryViewModel chargeEntry() {
        return chargeEntry;
    }

    public RejectQueueViewModel rejects() {
        return rejects;
    }

    /** The top search box: Rx number or patient name; jumps to the claims browser. */
    public void quickSearch(String query) {
        area.set(Area.CLAIMS);
        claims.quickSearch(query);
    }

    /** Enter in the quick search box: the list keeps the filter, the box empties for the next search. */
    public void handOverQuickSearch() {
        emptyQuickSearch();
    }

    private void emptyQuickSearch() {
        syncingQuickSearch = true;
        try {
            quickSearchText.set("");
        } finally {
            syncingQuickSearch = false;
        }
    }

    public StringProperty quickSearchTextProperty() {
        return quickSearchText;
    }

    /** Opens Remittances on a payment, and in it a claim payment or PLB item. */
    public void showRemittance(RemittancesViewModel.Target target) {
        remittances.showNext(target);
        if (area.get() == Area.REMITTANCES) {
            remittances.reload();
        } else {
            area.set(Area.REMITTANCES); // which reloads
        }
    }

    public void notify(Notice n) {
        // a new object each time so the same message twice still shows
        notice.set(null);
        notice.set(n);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public ReconciliationViewModel reconciliation() {
        return reconciliation;
    }

    /** Stops watching the remittance inbox (window closing). */
    public void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }

    public RemittancesViewModel remittances() {
        return remittances;
    }

    /** The watched remittance inbox folder, or null when this window cannot import. */
    public java.nio.file.Path remittanceInbox() {
        return inbox == null ? null : inbox.inbox();
    }

    public ClaimsViewModel claims() {
        return claims;
    }

    public AuditsViewModel audits() {
        return audits;
    }

    public ObservableList<Area> areas() {
        return areas;
    }

    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public JobStatus jobs() {
        return runner.status();
    }

    /** Who is signed in, for the status bar: "Demo Clerk (demo-clerk) @ ws-7"; the opener while nobody is. */
    public String user() {
        return setup.session()
                .map(s -> (s.displayName().equals(s.user()) ? s.user() : s.displayName() + " (" + s.user() + ")")
                        + " @ " + s.workstation())
                .orElse(setup.actor().user() + " @ " + setup.actor().workstation());
    }

    public String dataDir() {
        return setup.dataDir().toString();
    }

    /** The status bar's sync state and Ctrl+Shift+Y. */
    public SyncIndicator sync() {
        return sync;
    }

    public StringBinding claimCountProperty() {
        return claimCount;
    }

    public PayersViewModel payers() {
        return payers;
    }

    public ContractsViewModel contracts() {
        return contracts;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public CollectionsViewModel collections() {
        return collections;
    }

    public ExceptionsViewModel exceptions() {
        return exceptions;
    }
}
