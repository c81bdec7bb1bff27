package org.rxledger.app.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import java.io.File;
import java.util.List;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.rxledger.app.audits.AuditsView;
import org.rxledger.app.claims.ClaimsView;
import org.rxledger.app.recon.ReconciliationView;
import org.rxledger.app.remits.RemittancesView;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.app.charges.ChargeEntryView;
import org.rxledger.app.claims.ClaimsView;
import org.rxledger.app.exceptions.ExceptionsView;
import org.rxledger.app.payers.PayersView;
import org.rxledger.app.contracts.ContractsView;
import org.rxledger.app.reports.ReportsView;
import org.rxledger.app.collections.CollectionsView;
import org.rxledger.app.rejects.RejectQueueView;
import org.rxledger.app.ui.Notice;

/** The main window: menu bar, quick search, left navigation, the current area, status bar. Binds only. */
public final class ShellView extends BorderPane {

    static final KeyCombination QUICK_SEARCH = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLEAR_FILTERS = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination SYNC_NOW = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination CLAIMS = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RECONCILIATION = new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REMITTANCES = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination IMPORT_REMITS = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination AUDITS = new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    static final KeyCombination NEW_CHARGE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REJECTS = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXCEPTIONS = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PAYERS = new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PATIENT_ACCOUNTS = new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REPORTS = new KeyCodeCombination(KeyCode.DIGIT8, KeyCombination.SHORTCUT_DOWN);

    private final ShellViewModel vm;
    private final ClaimsView claimsView;
    private final RemittancesView remittancesView;
    private final ChargeEntryView chargeEntryView;
    private final RejectQueueView rejectQueueView;
    private final AuditsView auditsView;
    private final ExceptionsView exceptionsView;
    private final PayersView payersView;
    private final CollectionsView collectionsView;
    private final ReportsView reportsView;
    private final TextField quickSearch = new TextField();
    private final Message banner = new Message();
    /** Reads the sync state again every minute; the reading itself runs on the TaskRunner. */
    private final Timeline syncRefresh;

    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        this.claimsView = new ClaimsView(vm.claims());
        getStyleClass().add("shell");
        ReconciliationView reconciliationView = new ReconciliationView(vm.reconciliation());
        this.remittancesView = new RemittancesView(vm.remittances(), vm.remittanceInbox());
        this.chargeEntryView = new ChargeEntryView(vm.chargeEntry());
        this.rejectQueueView = new RejectQueueView(vm.rejects());
        this.auditsView = new AuditsView(vm.audits());
        this.exceptionsView = new ExceptionsView(vm.exceptions());
        this.payersView = new PayersView(vm.payers());
        this.collectionsView = new CollectionsView(vm.collections());
        this.reportsView = new ReportsView(vm.reports());
        // one area per line, so an area added later is one added line
        Map<Area, Node> areaViews = Map.ofEntries(
                Map.entry(Area.CLAIMS, claimsView),
                Map.entry(Area.CHARGE_ENTRY, chargeEntryView),
                Map.entry(Area.REJECTS, rejectQueueView),
                Map.entry(Area.REMITTANCES, remittancesView),
                Map.entry(Area.RECONCILIATION, reconciliationView),
                Map.entry(Area.AUDITS, auditsView),
                Map.entry(Area.EXCEPTIONS, exceptionsView),
                Map.entry(Area.PAYERS, payersView),
                Map.entry(Area.PATIENT_ACCOUNTS, collectionsView),
                Map.entry(Area.REPORTS, reportsView),
                Map.entry(Area.CONTRACTS, new ContractsView(vm.contracts())));
        acceptDroppedRemittances();

        // every area stays in the scene (skinned, keeping its state); only the current one is visible, so
        // focus can move straight into it instead of falling back to the first control of the window
        StackPane center = new StackPane();
        for (Area a : Area.values()) {
            Node v = areaViews.get(a);
            if (v != null) {
                v.setVisible(a == vm.areaProperty().get());
                center.getChildren().add(v);
            }
        }
        vm.areaProperty().addListener((o, was, now) -> {
            if (areaViews.get(now) == null) {
                return;
            }
            areaViews.get(now).setVisible(true);
            // the quick search switches to Claims on its first key: the keys after it belong to the search box
            if (!quickSearch.isFocused()) {
                if (now == Area.CHARGE_ENTRY) {
                    chargeEntryView.focusPatient();
                } else if (now == Area.REJECTS) {
                    rejectQueueView.focusTable();
                } else if (now == Area.CLAIMS) {
                    claimsView.focusTable();
                } else if (now == Area.RECONCILIATION) {
                    reconciliationView.focusFirst();
                } else if (now == Area.EXCEPTIONS) {
                    exceptionsView.focusTable();
                } else if (now == Area.PAYERS) {
                    payersView.focusSearch();
                } else if (now == Area.PATIENT_ACCOUNTS) {
                    collectionsView.focusTable();
                } else if (now == Area.REPORTS) {
                    reportsView.focusList();
                }
            }
            if (was != null && was != now && areaViews.get(was) != null) {
                areaViews.get(was).setVisible(false);
            }
        });
        banner.setId("notice");
        banner.visibleProperty().bind(vm.noticeProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setOnClose(e -> vm.dismissNotice());
        vm.noticeProperty().addListener((o, was, now) -> showNotice(now));
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox.setMargin(banner, new Insets(6, 8, 0, 8));
        VBox main = new VBox(banner, center);

        setTop(new VBox(menuBar(), header()));
        setLeft(navigation());
        setCenter(main);
        setBottom(statusBar());

        vm.darkThemeProperty().addListener((o, was, dark) -> applyTheme(dark));
        applyTheme(vm.darkThemeProperty().get());
        syncRefresh = new Timeline(new KeyFrame(Duration.seconds(60), e -> vm.sync().refresh()));
        syncRefresh.setCycleCount(Animation.INDEFINITE);
        syncRefresh.play();
    }

    private MenuBar menuBar() {
        MenuItem reload = item("Reload", RELOAD, vm::reload);
        MenuItem importRemits = item("Import 835 remittances…", IMPORT_REMITS, () -> {
            vm.areaProperty().set(Area.REMITTANCES);
            remittancesView.importFromChooser();
        });
        MenuItem syncNow = item("Sync now", SYNC_NOW, () -> vm.sync().syncNow());
        MenuItem quit = item("Quit", QUIT, Platform::exit);
        Menu file = new Menu("_File", null, reload, importRemits, syncNow, new SeparatorMenuItem(), quit);

        // a check item, so the shortcut toggles (a selected radio item stays selected when fired again)
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(DARK);
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        MenuItem claims = item("Claims", CLAIMS, () -> vm.areaProperty().set(Area.CLAIMS));
        MenuItem remittances = item("Remittances", REMITTANCES, () -> {
            vm.areaProperty().set(Area.REMITTANCES);
            remittancesView.focusPayments();
        });
        MenuItem newCharge = item("New charge", NEW_CHARGE, vm::newCharge);
        MenuItem rejects = item("Reject follow-up", REJECTS, () -> vm.areaProperty().set(Area.REJECTS));
        MenuItem audits = item("Audits", AUDITS, () -> {
            vm.areaProperty().set(Area.AUDITS);
            auditsView.focusList();
        });
        MenuItem find = item("Quick search", QUICK_SEARCH, this::focusQuickSearch);
        MenuItem filter = item("Filter claims", FILTER, () -> {
            vm.areaProperty().set(Area.CLAIMS);
            claimsView.focusFilter();
        });
        MenuItem clear = item("Clear filters", CLEAR_FILTERS, () -> vm.claims().clearFilters());
        MenuItem reconciliation = item("Reconciliation", RECONCILIATION, () -> vm.areaProperty().set(Area.RECONCILIATION));
        MenuItem exceptions = item("Exceptions work queue", EXCEPTIONS, () -> vm.areaProperty().set(Area.EXCEPTIONS));
        MenuItem payers = item("Payers", PAYERS, () -> vm.areaProperty().set(Area.PAYERS));
        MenuItem patientAccounts = item("Patient accounts", PATIENT_ACCOUNTS, () -> vm.areaProperty().set(Area.PATIENT_ACCOUNTS));
        MenuItem reports = item("Reports", REPORTS, () -> vm.areaProperty().set(Area.REPORTS));
        Menu view = new Menu("_View", null, claims, newCharge, rejects, remittances, audits, reconciliation, exceptions, payers,
                patientAccounts, reports,
                new SeparatorMenuItem(), find, filter, clear,
                new SeparatorMenuItem(), dark);

        MenuItem shortcuts = item("Keyboard shortcuts", HELP, this::showShortcuts);
        MenuItem about = new MenuItem("About RxLedger");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, shortcuts, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(key);
        item.setOnAction(e -> action.run());
        return item;
    }

    private HBox header() {
        Label brand = new Label("RxLedger");
        brand.getStyleClass().addAll("brand", Styles.TITLE_4);
        quickSearch.setId("quickSearch");
        quickSearch.setPromptText("Search Rx # or patient name   Ctrl+K");
        quickSearch.setPrefColumnCount(28);
        quickSearch.setTooltip(new Tooltip("Quick search (Ctrl+K): type an Rx number or a patient name; Enter goes to the list"));
        // typing filters live; Enter hands over to the list and empties the box for the next search
        quickSearch.textProperty().bindBidirectional(vm.quickSearchTextProperty());
        quickSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                vm.handOverQuickSearch();
                claimsView.focusTable();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                quickSearch.clear();
                claimsView.focusTable();
                e.consume();
            }
        });
        Region left = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        Region right = new Region();
        HBox.setHgrow(right, Priority.ALWAYS);
        Label office = new Label("Pharmacy billing workstation");
        office.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, brand, office, left, quickSearch, right);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 12, 6, 12));
        header.getStyleClass().add("shell-header");
        return header;
    }

    private ListView<Area> navigation() {
        ListView<Area> nav = new ListView<>(vm.areas());
        nav.setId("navigation");
        nav.getStyleClass().addAll("navigation", Styles.DENSE);
        nav.setPrefWidth(130);
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Area item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setTooltip(empty || item == null ? null : new Tooltip(item.description()));
            }
        });
        nav.getSelectionModel().select(vm.areaProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.areaProperty().set(now));
        vm.areaProperty().addListener((o, was, now) -> nav.getSelectionModel().select(now));
        return nav;
    }

    private HBox statusBar() {
        Label user = new Label("Signed in: " + vm.user());
        user.setId("statusUser");
        Label dataDir = new Label("Data: " + vm.dataDir());
        dataDir.setTooltip(new Tooltip(vm.dataDir()));
        dataDir.setMinWidth(0);
        Label connection = new Label();
        connection.setId("statusSync");
        connection.textProperty().bind(vm.sync().textProperty());
        connection.textProperty().addListener((o, was, now) -> {
            connection.getStyleClass().removeAll("connection-offline");
            if (now.startsWith("Sync: offline")) {
                connection.getStyleClass().add("connection-offline");
            }
        });
        Tooltip syncDetail = new Tooltip();
        syncDetail.textProperty().bind(vm.sync().detailProperty());
        connection.setTooltip(syncDetail);
        Label count = new Label();
        count.setId("statusClaimCount");
        count.textProperty().bind(vm.claimCountProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label jobText = new Label();
        jobText.setId("jobMessage");
        jobText.textProperty().bind(vm.jobs().messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.jobs().progressProperty());
        bar.visibleProperty().bind(vm.jobs().runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setTooltip(new Tooltip("Stop the background job; nothing is half-saved"));
        cancel.visibleProperty().bind(vm.jobs().runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.jobs().cancelLatest());

        HBox status = new HBox(10, user, sep(), dataDir, sep(), connection, sep(), count, spacer, jobText, bar, cancel);
        status.setId("statusBar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(3, 10, 3, 10));
        status.getStyleClass().add("status-bar");
        return status;
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private void showNotice(Notice notice) {
        banner.getStyleClass().removeAll(NOTICE_STYLES.values());
        if (notice != null) {
            // AtlantaFX 2.0.1's Message skin copies the *description* into the title label when the title
            // changes (TileSkinBase's title listener reads getDescription()), so a second notice showed the
            // first one's text as its heading. Give the description the title first, then the title, then
            // the text: the heading is then the new title whichever way the skin reads it.
            banner.setDescription(notice.title());
            banner.setTitle(notice.title());
            banner.setDescription(notice.text());
            banner.getStyleClass().add(NOTICE_STYLES.get(notice.kind()));
        }
    }

    private static final Map<Notice.Kind, String> NOTICE_STYLES = Map.of(
            Notice.Kind.INFO, Styles.ACCENT, Notice.Kind.WARNING, Styles.WARNING, Notice.Kind.ERROR, Styles.DANGER);

    public void focusQuickSearch() {
        quickSearch.requestFocus();
        quickSearch.selectAll();
    }

    /** Files dropped anywhere on the window are imported as 835 remittances (issue 4). */
    private void acceptDroppedRemittances() {
        setOnDragOver(e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles() && vm.remittances().canImport()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = false;
            if (board.hasFiles() && vm.remittances().canImport()) {
                List<File> files = board.getFiles().stream().filter(File::isFile).toList();
                vm.areaProperty().set(Area.REMITTANCES);
                vm.remittances().importFiles(files.stream().map(File::toPath).toList(), RejectionLog.Source.DROP);
                done = !files.isEmpty();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** The window is closing: stop background watchers. */
    public void stop() {
        syncRefresh.stop();
        vm.stop();
    }

    /** For UI tests in this package. */
    ShellViewModel viewModel() {
        return vm;
    }

    public RemittancesView remittancesView() {
        return remittancesView;
    }

    public ChargeEntryView chargeEntryView() {
        return chargeEntryView;
    }

    /** Adds a menu before Help (the sign-in gate's Session menu). */
    public void addMenu(Menu menu) {
        MenuBar bar = (MenuBar) lookup("#menuBar");
        bar.getMenus().add(Math.max(0, bar.getMenus().size() - 1), menu);
    }

    public ClaimsView claimsView() {
        return claimsView;
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void showShortcuts() {
        TextArea text = new TextArea("""
                Ctrl+K          Quick search (Rx number or patient)
                Ctrl+F          Filter the claims list
                Esc             Clear the filter field / close the claim details
                Ctrl+Shift+X    Clear all filters
                ↑ ↓             Move through claims
                Enter           Open the selected claim's details
                F5              Reload claims, charge entry's lists and the sync state
                Ctrl+Shift+Y    Sync now with the central server (File menu)
                Ctrl+1          Claims
                Ctrl+5          Reconciliation (deposits)
                Ctrl+2          Remittances (Enter: payment → claims → adjustments; Esc back)
                Ctrl+3          Exceptions work queue (↑↓ move, A assign to me,
                                R or Ctrl+Enter resolve with a note, Enter open the claim)
                Ctrl+O          Import 835 remittance files (or drop files on the window)
                Alt+D / Alt+R   Remittance claims: denied only / reversals only
                Ctrl+N          New charge (charge entry)
                  Enter/Ctrl+S  Save · Ctrl+Enter save and next · Esc cancel
                  Ctrl+Shift+P/R/G  New patient / prescriber / drug
                Ctrl+J          Reject follow-up queue
                Ctrl+B          Rebill the open claim / selected reject
                Ctrl+Shift+V    Reverse the open claim
                Ctrl+E          Correct the open claim's billing data
                Ctrl+P          Print the open claim's UCF sheet
                Ctrl+4          Audits (Ctrl+Shift+N new case, Ctrl+G generate packet,
                                Ctrl+Shift+O open, Ctrl+Shift+S save as, Ctrl+P print;
                                Ctrl+Enter creates the case in its dialog)
                Ctrl+6          Payers (search; Enter to the table, Enter again to
                                the other payer; Ctrl+M merge, Ctrl+R move routing)
                Ctrl+7          Patient accounts (write-off review tab: A or Ctrl+Enter
                                approve, R then a reason and Enter reject)
                Ctrl+8          Reports (Enter to the dates, Ctrl+Enter run,
                                Enter on a run opens its workbook)
                Ctrl+Shift+D    Dark theme on/off
                Ctrl+L          Lock the window (Session menu: sign out, password)
                F1              This list
                Ctrl+Q          Quit""");
        text.setEditable(false);
        text.getStyleClass().add("shortcut-list");
        text.setPrefRowCount(34);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(text);
        alert.initOwner(getScene().getWindow());
        alert.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Claims, remittances and reconciliation for pharmacy billing staff.\n\nData folder: " + vm.dataDir(),
                ButtonType.CLOSE);
        alert.setTitle("About RxLedger");
        alert.setHeaderText("RxLedger");
        alert.initOwner(getScene().getWindow());
        alert.show();
    }
}
