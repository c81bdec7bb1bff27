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
import org.rxledger.core.search.SearchHit;
import org.rxledger.app.charges.ChargeEntryView;
import org.rxledger.app.exceptions.ExceptionsView;
import org.rxledger.app.payers.PayersView;
import org.rxledger.app.contracts.ContractsView;
import org.rxledger.app.home.HomeView;
import org.rxledger.app.reports.ReportsView;
import org.rxledger.app.sync.SyncAreaView;
import org.rxledger.app.collections.CollectionsView;
import org.rxledger.app.rejects.RejectQueueView;
import org.rxledger.app.ui.Notice;
import org.rxledger.app.ui.SplitPanes;
import org.rxledger.app.ui.TableExport;

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
    static final KeyCombination SYNC_AREA = new KeyCodeCombination(KeyCode.DIGIT9, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CONTRACTS = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HOME = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);

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
    private final SyncAreaView syncAreaView;
    private final TextField quickSearch = new TextField();
    /** The global search's results, over the top right of the current area while the search box has text. */
    private final ListView<SearchHit> searchResults = new ListView<>();
    private final Message banner = new Message();
    /** Reads the sync state again every minute; the reading itself runs on the TaskRunner. */
    private final Timeline syncRefresh;
    private HelpWindow help;
    /** The full text of a notice collapsed to its heading. */
    private final Tooltip bannerText = new Tooltip();

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
        this.syncAreaView = new SyncAreaView(vm.syncArea());
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
                Map.entry(Area.SYNC, syncAreaView),
                Map.entry(Area.CONTRACTS, new ContractsView(vm.contracts())),
                Map.entry(Area.HOME, new HomeView(vm.home())));
        acceptDroppedRemittances();
        searchResultsList();
        // every table of every area: Ctrl+Shift+E and "Export to Excel" in its context menu
        TableExport.install(this, vm::exportsFolder, vm.clock(), vm.runner(), vm::notify, this::offerToOpen);

        // every area stays in the scene (skinned, keeping its state); only the current one is visible, so
        // focus can move straight into it instead of falling back to the first control of the window
        StackPane center = new StackPane();
        for (Area a : Area.values()) {
            Node v = areaViews.get(a);
            if (v != null) {
                v.setVisible(a == vm.areaProperty().get());
                center.getChildren().add(v);
                SplitPanes.remember(a.name(), v, vm.settings());
            }
        }
        center.getChildren().add(searchResults);
        StackPane.setAlignment(searchResults, Pos.TOP_RIGHT);
        StackPane.setMargin(searchResults, new Insets(0, 12, 0, 0));
        vm.areaProperty().addListener((o, was, now) -> {
            if (areaViews.get(now) == null) {
                return;
            }
            areaViews.get(now).setVisible(true);
            // a search result opened the area: its view model selects the item; the list takes the keyboard
            if (!quickSearch.isFocused() || quickSearch.getText().isEmpty()) {
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
            collapseBanner();
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
        // "What's new" once after an upgrade, when the window is up
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && was == null && vm.whatsNewDue(ShellView.class.getPackage().getImplementationVersion())) {
                Platform.runLater(() -> {
                    HelpPages pages = HelpPages.load();
                    if (pages.has(HelpPages.WHATS_NEW) && getScene() != null && getScene().getWindow() != null) {
                        showHelp(HelpPages.WHATS_NEW);
                    }
                });
            }
        });
    }

    private MenuBar menuBar() {
        MenuItem reload = item("Reload", RELOAD, vm::reload);
        MenuItem importRemits = item("Import 835 remittances…", IMPORT_REMITS, () -> {
            vm.areaProperty().set(Area.REMITTANCES);
            remittancesView.importFromChooser();
        });
        MenuItem syncNow = item("Sync now", SYNC_NOW, () -> vm.sync().syncNow());
        MenuItem syncArea = item("Sync conflicts and parked events", SYNC_AREA, () -> {
            vm.areaProperty().set(Area.SYNC);
            syncAreaView.focusConflicts();
        });
        MenuItem quit = item("Quit", QUIT, Platform::exit);
        Menu file = new Menu("_File", null, reload, importRemits, syncNow, syncArea, new SeparatorMenuItem(), quit);

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
        MenuItem contracts = item("Contracts", CONTRACTS, () -> vm.areaProperty().set(Area.CONTRACTS));
        MenuItem home = item("Home", HOME, () -> vm.areaProperty().set(Area.HOME));
        Menu view = new Menu("_View", null, home, claims, newCharge, rejects, remittances, audits, reconciliation, exceptions, payers,
                patientAccounts, reports, contracts,
                new SeparatorMenuItem(), find, filter, clear,
                new SeparatorMenuItem(), dark);

        MenuItem guide = item("Help for this area", HELP, () -> showHelp(HelpPages.pageName(vm.areaProperty().get())));
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setOnAction(e -> showHelp(HelpPages.SHORTCUTS));
        MenuItem about = new MenuItem("About RxLedger");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, guide, shortcuts, about);
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
        quickSearch.setPromptText("Search Rx, patient, trace, audit…   Ctrl+K");
        quickSearch.setPrefColumnCount(28);
        quickSearch.setTooltip(new Tooltip("Search (Ctrl+K): an Rx number, a patient's name, a cardholder id, a check or "
                + "trace number, an audit id, an exception or an account (P12). ↑↓ choose, Enter opens, Esc closes"));
        // the keyboard stays in the box while ↑↓ move through the results, so no key typed is lost to another control
        quickSearch.textProperty().bindBidirectional(vm.quickSearchTextProperty());
        quickSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSearchResult();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                moveSearchSelection(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                quickSearch.clear();
                focusCurrentArea();
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
        nav.setPrefWidth(150); // "Patient accounts" without a horizontal scroll bar
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
        Tooltip.uninstall(banner, bannerText);
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

    /**
     * An information notice (the demo office's) shrinks to its one-line heading once the clerk has moved on to
     * another area; its text stays in the tooltip. Warnings and errors keep their text until closed.
     */
    private void collapseBanner() {
        Notice notice = vm.noticeProperty().get();
        if (notice != null && notice.kind() == Notice.Kind.INFO && banner.getDescription() != null) {
            banner.setDescription(null);
            bannerText.setText(notice.text());
            Tooltip.install(banner, bannerText);
        }
    }

    private static final Map<Notice.Kind, String> NOTICE_STYLES = Map.of(
            Notice.Kind.INFO, Styles.ACCENT, Notice.Kind.WARNING, Styles.WARNING, Notice.Kind.ERROR, Styles.DANGER);

    private void searchResultsList() {
        searchResults.setId("searchResults");
        searchResults.setItems(vm.searchResults());
        searchResults.getStyleClass().addAll("search-results", Styles.DENSE);
        searchResults.setFocusTraversable(false);
        searchResults.setPrefWidth(520);
        searchResults.setMaxWidth(Region.USE_PREF_SIZE);
        searchResults.setMaxHeight(Region.USE_PREF_SIZE);
        Label nothing = new Label();
        nothing.setWrapText(true);
        nothing.textProperty().bind(vm.searchMessageProperty());
        searchResults.setPlaceholder(nothing);
        // about eight rows, fewer when fewer results (two lines each, a group heading above the first of a kind)
        searchResults.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(440.0, 60.0 + 46.0 * vm.searchResults().size()), vm.searchResults()));
        searchResults.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.searchResults().isEmpty() || !vm.searchMessageProperty().get().isEmpty(),
                vm.searchResults(), vm.searchMessageProperty()));
        searchResults.managedProperty().bind(searchResults.visibleProperty());
        vm.searchResults().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> {
            if (!vm.searchResults().isEmpty()) {
                searchResults.getSelectionModel().select(0);
                searchResults.scrollTo(0);
            }
        });
        searchResults.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SearchHit hit, boolean empty) {
                super.updateItem(hit, empty);
                setText(null);
                if (empty || hit == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(hit.title());
                title.getStyleClass().add(Styles.TEXT_BOLD);
                Label detail = new Label(hit.detail());
                detail.getStyleClass().add(Styles.TEXT_MUTED);
                VBox box = new VBox(1);
                int i = getIndex();
                if (i == 0 || getListView().getItems().get(i - 1).kind() != hit.kind()) {
                    Label group = new Label(hit.kind().group());
                    group.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
                    box.getChildren().add(group);
                }
                box.getChildren().addAll(title, detail);
                setGraphic(box);
            }
        });
        searchResults.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && searchResults.getSelectionModel().getSelectedItem() != null) {
                openSearchResult();
            }
        });
    }

    private void moveSearchSelection(int by) {
        int size = searchResults.getItems().size();
        if (size > 0) {
            int at = Math.floorMod(searchResults.getSelectionModel().getSelectedIndex() + by, size);
            searchResults.getSelectionModel().select(at);
            searchResults.scrollTo(Math.max(0, at - 2));
        }
    }

    /** Enter: the chosen result (the first until ↑↓ chose another) opens in its area. */
    private void openSearchResult() {
        SearchHit hit = searchResults.getSelectionModel().getSelectedItem();
        if (hit == null && !searchResults.getItems().isEmpty()) {
            hit = searchResults.getItems().get(0);
        }
        if (hit != null) {
            vm.openSearchResult(hit);
            focusCurrentArea();
        }
    }

    private void focusCurrentArea() {
        switch (vm.areaProperty().get()) {
            case CLAIMS -> claimsView.focusTable();
            case REMITTANCES -> remittancesView.focusPayments();
            case AUDITS -> auditsView.focusList();
            case EXCEPTIONS -> exceptionsView.focusTable();
            case PATIENT_ACCOUNTS -> collectionsView.focusTable();
            default -> requestFocus();
        }
    }

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

    /** F1: the guide's page of the area shown; Help ▸ Keyboard shortcuts: the shortcuts page. */
    private void showHelp(String pageName) {
        if (help == null) {
            help = new HelpWindow(HelpPages.load(), getScene().getWindow());
        }
        help.show(pageName);
    }

    /** The help window, once opened (for UI tests in this package). */
    HelpWindow help() {
        return help;
    }

    /** After "Export to Excel": where the workbook is, and whether to open it now (a decision, so a dialog). */
    private void offerToOpen(java.nio.file.Path file) {
        ButtonType open = new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Saved as " + file.getFileName() + " in " + file.getParent()
                + ".\nOpen it now?", open, ButtonType.CLOSE);
        alert.setTitle("Exported to Excel");
        alert.setHeaderText("Exported to Excel");
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().setId("exportedDialog");
        alert.resultProperty().addListener((o, was, now) -> {
            if (now == open) {
                vm.openFile(file);
            }
        });
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
