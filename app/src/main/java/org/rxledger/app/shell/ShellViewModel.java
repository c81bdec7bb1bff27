package org.rxledger.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.audits.AuditsViewModel;
import org.rxledger.app.claims.ClaimsViewModel;
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
    public static final String OFFLINE = "Offline – local database";

    private final WorkstationSetup setup;
    private final TaskRunner runner;
    private final ClaimsViewModel claims;
    private final AuditsViewModel audits;
    private final ObservableList<Area> areas = FXCollections.observableArrayList(Area.values());
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>(this, "area", Area.CLAIMS);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final StringBinding claimCount;

    public ShellViewModel(WorkstationSetup setup, TaskRunner runner) {
        this.setup = setup;
        this.runner = runner;
        this.claims = new ClaimsViewModel(setup.transactions(), runner, setup.settings(), this::notify);
        this.audits = new AuditsViewModel(setup.transactions(), setup.dataDir(),
                setup.transactions().read(org.rxledger.core.tx.Tx::clock), runner, this::notify);
        area.addListener((o, was, now) -> {
            if (now == Area.AUDITS) {
                audits.reload();
            }
        });
        darkTheme.set(Boolean.parseBoolean(setup.settings().get(KEY_DARK, "false")));
        darkTheme.addListener((o, was, now) -> setup.settings().put(KEY_DARK, String.valueOf(now)));
        claimCount = Bindings.createStringBinding(
                () -> Formats.count(claims.claims().size()) + (claims.claims().size() == 1 ? " claim" : " claims"),
                claims.claims());
    }

    /** Called once the window shows: seeds an empty office (first launch), then loads the claims. */
    public void start() {
        runner.run("Checking the data folder", progress -> setup.officeIsEmpty().getAsBoolean(), empty -> {
            if (empty && setup.seeder() != OfficeSeeder.NONE) {
                seedOffice();
            } else {
                if (empty) {
                    notify(Notice.info("No claims yet", "This data folder has no claims yet. Import claims or enter a charge to begin."));
                }
                claims.reload();
            }
        }, failure -> notify(Failures.explain("opening the data folder", failure)));
    }

    private void seedOffice() {
        runner.<String>run("Creating the demo office", setup.seeder()::seed, summary -> {
            notify(Notice.info("Demo office created", "This is a new data folder: RxLedger created a demo pharmacy office"
                    + (summary == null || summary.isBlank() ? "" : " (" + summary + ")")
                    + ". Everything in it is fictional, so look around freely."));
            claims.reload();
        }, failure -> {
            notify(Failures.explain("creating the demo office", failure));
            claims.reload();
        });
    }

    /** The top search box: Rx number or patient name; jumps to the claims browser. */
    public void quickSearch(String query) {
        area.set(Area.CLAIMS);
        claims.quickSearch(query);
    }

    public void notify(Notice n) {
        // a new object each time so the same message twice still shows
        notice.set(null);
        notice.set(n);
    }

    public void dismissNotice() {
        notice.set(null);
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

    public String user() {
        return setup.actor().user() + " @ " + setup.actor().workstation();
    }

    public String dataDir() {
        return setup.dataDir().toString();
    }

    public String connection() {
        return OFFLINE;
    }

    public StringBinding claimCountProperty() {
        return claimCount;
    }
}
