package org.rxledger.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.rxledger.app.audits.AuditsViewModel;
import org.rxledger.app.claims.ClaimDetailViewModel;
import org.rxledger.app.claims.ClaimsViewModel;
import org.rxledger.app.recon.ReconciliationViewModel;
import org.rxledger.app.remits.InboxWatcher;
import org.rxledger.app.remits.RemittanceImports;
import org.rxledger.app.remits.RemittancesViewModel;
import org.rxledger.core.search.GlobalSearch;
import org.rxledger.core.search.SearchHit;
import org.rxledger.app.charges.ChargeEntryViewModel;
import org.rxledger.app.rejects.RejectQueueViewModel;
import org.rxledger.app.exceptions.ExceptionsViewModel;
import org.rxledger.app.payers.PayersViewModel;
import org.rxledger.app.contracts.ContractsViewModel;
import org.rxledger.app.home.HomeViewModel;
import org.rxledger.core.kpi.KpiService;
import org.rxledger.app.reports.ReportsViewModel;
import org.rxledger.app.collections.CollectionsViewModel;
import org.rxledger.app.task.JobStatus;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.sync.SyncAreaViewModel;
import org.rxledger.core.sync.AutoSync;

/**
 * The main window: navigation, quick search, status bar, notifications and the first-launch flow.
 */
public final class ShellViewModel {

    static final String KEY_DARK = "theme.dark";
    /** Seconds between automatic syncs while the server answers (docs/sync.md); 0 turns the schedule off. */
    static final String KEY_SYNC_SECONDS = "sync.auto.seconds";

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
    /** The header's search box: typing searches everything (issue 19); the results list under it opens one. */
    private final StringProperty quickSearchText = new SimpleStringProperty(this, "quickSearchText", "");
    private final GlobalSearch globalSearch;
    private final ObservableList<SearchHit> searchResults = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper searchMessage = new ReadOnlyStringWrapper(this, "searchMessage", "");
    /** Results of an older text that arrive after a newer one's are dropped. */
    private long searchGeneration;
    private final StringBinding claimCount;
    private final RemittancesViewModel remittances;
    private final InboxWatcher inbox;
    private final ExceptionsViewModel exceptions;
    private final PayersViewModel payers;
    private final ContractsViewModel contracts;
    private final HomeViewModel home;
    private final CollectionsViewModel collections;
    private final ReportsViewModel reports;
    private final SyncIndicator sync;
    private final SyncAreaViewModel syncArea;

    public ShellViewModel(WorkstationSetup setup, TaskRunner runner) {
        this.setup = setup;
        this.runner = runner;
        org.rxledger.core.claim.ClaimRecords claimRecords = setup.claimRecords();
        this.claims = new ClaimsViewModel(claimRecords, new ClaimDetailViewModel(claimRecords, setup.claimIdentifiers(),
                setup.chargeEntry(), runner, this::notify), runner, setup.settings(), this::notify);
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
        this.audits = new AuditsViewModel(setup.auditCases(), setup.auditPackets(), setup.dataDir(),
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
                        setup.remittanceImports().get(), setup.rejectionLog()),
                this::notify);
        this.inbox = setup.remittanceImports() == null ? null : new InboxWatcher(setup.dataDir(), Clock.systemDefaultZone());
        area.addListener((o, was, now) -> {
            if (now == Area.REMITTANCES) {
                remittances.reload();
            }
        });
        this.exceptions = new ExceptionsViewModel(setup.exceptionQueue(), runner, setup.settings(), this::notify);
        exceptions.setOnOpenRx(this::quickSearch);
        exceptions.setOnOpenRemittance(ref -> showRemittance(
                new RemittancesViewModel.Target(ref.paymentId(), ref.remitClaimId(), ref.plbItemId())));
        area.addListener((o, was, now) -> {
            if (now == Area.EXCEPTIONS) {
                exceptions.reload();
            }
        });
        this.payers = new PayersViewModel(setup.payerDirectory(), runner, this::notify);
        this.sync = new SyncIndicator(setup.sync(), runner, this::notify, setup.clock().getZone(),
                syncSchedule(setup.settings()), Platform::runLater);
        this.syncArea = new SyncAreaViewModel(setup.syncAttention(), setup.sync(), runner, this::notify);
        area.addListener((o, was, now) -> {
            if (now == Area.SYNC) {
                syncArea.reload();
            }
        });
        this.contracts = new ContractsViewModel(setup.contracts(), runner, this::notify);
        area.addListener((o, was, now) -> {
            if (now == Area.CONTRACTS) {
                contracts.reload();
            }
        });
        this.home = new HomeViewModel(new KpiService(setup.transactions()), runner, this::notify, setup.clock());
        home.setOnDrill(this::drill);
        // the owner's accounts open on the figures (read in start()); everyone else on the claims they work
        area.set(opensOnHome(setup) ? Area.HOME : Area.CLAIMS);
        area.addListener((o, was, now) -> {
            if (now == Area.HOME) {
                home.reload();
            }
        });
        this.reports = new ReportsViewModel(setup.reports(), setup.dataDir(), setup.clock(), runner, this::notify);
        this.collections = new CollectionsViewModel(setup.patientAccounts(), setup.writeOffs(),
                setup.accounts(), setup.actor().workstation(), runner,
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
        this.globalSearch = setup.globalSearch();
        quickSearchText.addListener((o, was, now) -> search(now));
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
        if (area.get() == Area.HOME) {
            home.reload();
        }
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
        if (area.get() == Area.HOME) {
            home.reload();
        }
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

    /** Looks {@code text} up everywhere in the background; the results replace the list when they arrive. */
    private void search(String text) {
        long generation = ++searchGeneration;
        String q = text == null ? "" : text.strip();
        if (q.length() < GlobalSearch.MIN_LENGTH) {
            searchResults.clear();
            searchMessage.set("");
            return;
        }
        runner.run("Searching", progress -> globalSearch.search(q), hits -> {
            if (generation == searchGeneration) {
                searchResults.setAll(hits);
                searchMessage.set(hits.isEmpty() ? "Nothing matches '" + q + "': try an Rx number, a patient's name, "
                        + "a cardholder id, a check or trace number, an audit id or an account (P12)" : "");
            }
        }, failure -> notify(Failures.explain("searching", failure)));
    }

    /**
     * Enter on a result: the area that owns it opens with it selected, and the box empties for the next search.
     * A claim keeps the text typed as the claims filter, as the old claims-only quick search did.
     */
    public void openSearchResult(SearchHit hit) {
        String typed = quickSearchText.get();
        searchGeneration++;
        quickSearchText.set("");
        searchResults.clear();
        searchMessage.set("");
        switch (hit.kind()) {
            case CLAIM -> {
                area.set(Area.CLAIMS);
                claims.show(Long.parseLong(hit.key()), typed);
            }
            case PAYMENT -> showRemittance(new RemittancesViewModel.Target(Long.parseLong(hit.key()), null, null));
            case AUDIT_CASE -> show(Area.AUDITS, () -> audits.showNext(hit.key()), audits::reload);
            case EXCEPTION -> show(Area.EXCEPTIONS, () -> exceptions.showNext(hit.key()), exceptions::reload);
            case PATIENT -> show(Area.PATIENT_ACCOUNTS, () -> collections.showNext(hit.key()), collections::reload);
        }
    }

    /** Areas reload when shown; one already shown reloads here, so the item is selected either way. */
    private void show(Area target, Runnable select, Runnable reload) {
        select.run();
        if (area.get() == target) {
            reload.run();
        } else {
            area.set(target);
        }
    }

    static final String KEY_LAST_SEEN_VERSION = "whatsNew.lastSeenVersion";

    /**
     * Whether "What's new" is due: the app's version differs from the one this user last ran. The version is
     * remembered either way; a first run (nothing remembered) is a new install, not an upgrade, and shows nothing.
     * A build without a version (run from classes) never shows it.
     */
    public boolean whatsNewDue(String appVersion) {
        if (appVersion == null || appVersion.isBlank()) {
            return false;
        }
        String seen = setup.settings().get(KEY_LAST_SEEN_VERSION, "");
        setup.settings().put(KEY_LAST_SEEN_VERSION, appVersion);
        return !seen.isEmpty() && !seen.equals(appVersion);
    }

    /** The workstation preferences (split pane dividers are kept there). */
    public org.rxledger.app.settings.Settings settings() {
        return setup.settings();
    }

    /** Where "Export to Excel" of a table writes its workbooks. */
    public java.nio.file.Path exportsFolder() {
        return setup.dataDir().resolve("exports");
    }

    public Clock clock() {
        return setup.clock();
    }

    /** The runner background work of the window's helpers (table export) goes through. */
    public TaskRunner runner() {
        return runner;
    }

    /** Opens a workbook just written in the program the system associates with it. */
    public void openFile(java.nio.file.Path file) {
        runner.run("Opening " + file.getFileName(), progress -> {
            org.rxledger.app.ui.SystemViewer.open(file);
            return file;
        }, opened -> { }, failure -> notify(Failures.explain("opening " + file.getFileName(), failure)));
    }

    public ObservableList<SearchHit> searchResults() {
        return searchResults;
    }

    /** "Nothing matches …" for a text that found nothing; empty otherwise. */
    public ReadOnlyStringProperty searchMessageProperty() {
        return searchMessage.getReadOnlyProperty();
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

    private static AutoSync.Policy syncSchedule(Settings settings) {
        String value = settings.get(KEY_SYNC_SECONDS, "45").strip();
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            seconds = 45;
        }
        return seconds <= 0 ? null
                : AutoSync.Policy.every(Duration.ofMillis((long) (seconds * 1000)));
    }

    /** Stops watching the remittance inbox and the sync schedule (window closing). */
    public void stop() {
        if (inbox != null) {
            inbox.close();
        }
        sync.stop();
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
    public SyncAreaViewModel syncArea() {
        return syncArea;
    }

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

    public HomeViewModel home() {
        return home;
    }

    /**
     * Billing managers (the owner's account) see the Home figures first. Not administrators: an administrator is
     * also whoever opens an office without accounts, and works claims like anyone else.
     */
    static boolean opensOnHome(WorkstationSetup setup) {
        return setup.session().map(s -> s.roles().contains(org.rxledger.core.access.Role.BILLING_MANAGER)).orElse(false);
    }

    /** A figure clicked on Home: the area holding its rows. */
    private void drill(HomeViewModel.Drill where) {
        area.set(switch (where) {
            case RECONCILIATION -> Area.RECONCILIATION;
            case REMITTANCES -> Area.REMITTANCES;
            case EXCEPTIONS -> Area.EXCEPTIONS;
            case CONTRACTS -> Area.CONTRACTS;
            case PATIENT_ACCOUNTS -> Area.PATIENT_ACCOUNTS;
        });
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
