package org.rxledger.app.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
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
import org.rxledger.app.audits.AuditsView;
import org.rxledger.app.claims.ClaimsView;
import org.rxledger.app.ui.Notice;

/** The main window: menu bar, quick search, left navigation, the current area, status bar. Binds only. */
public final class ShellView extends BorderPane {

    static final KeyCombination QUICK_SEARCH = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLEAR_FILTERS = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination CLAIMS = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination AUDITS = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    private final ShellViewModel vm;
    private final ClaimsView claimsView;
    private final AuditsView auditsView;
    private final TextField quickSearch = new TextField();
    private final Message banner = new Message();
    private boolean handingOver;

    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        this.claimsView = new ClaimsView(vm.claims());
        getStyleClass().add("shell");
        this.auditsView = new AuditsView(vm.audits());
        Map<Area, Node> areaViews = Map.of(Area.CLAIMS, claimsView, Area.AUDITS, auditsView);

        StackPane center = new StackPane();
        center.getChildren().setAll(areaViews.get(vm.areaProperty().get()));
        vm.areaProperty().addListener((o, was, now) -> center.getChildren().setAll(areaViews.get(now)));
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
    }

    private MenuBar menuBar() {
        MenuItem reload = item("Reload claims", RELOAD, () -> vm.claims().reload());
        MenuItem quit = item("Quit", QUIT, Platform::exit);
        Menu file = new Menu("_File", null, reload, new SeparatorMenuItem(), quit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        dark.setAccelerator(DARK);
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        light.setSelected(!vm.darkThemeProperty().get());
        MenuItem claims = item("Claims", CLAIMS, () -> vm.areaProperty().set(Area.CLAIMS));
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
        Menu view = new Menu("_View", null, claims, audits, new SeparatorMenuItem(), find, filter, clear,
                new SeparatorMenuItem(), light, dark);

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
        quickSearch.textProperty().addListener((o, was, now) -> {
            if (!handingOver) {
                vm.quickSearch(now);
            }
        });
        quickSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                handingOver = true;
                quickSearch.clear();
                handingOver = false;
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
        Label user = new Label("User: " + vm.user());
        Label dataDir = new Label("Data: " + vm.dataDir());
        dataDir.setTooltip(new Tooltip(vm.dataDir()));
        dataDir.setMinWidth(0);
        Label connection = new Label("● " + vm.connection());
        connection.getStyleClass().add("connection-offline");
        connection.setTooltip(new Tooltip("No central server is configured: everything is saved in the local database."));
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

    public ClaimsView claimsView() {
        return claimsView;
    }

    private static void applyTheme(boolean dark) {
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
                F5              Reload claims
                Ctrl+1          Claims
                Ctrl+2          Audits (Ctrl+N new case, Ctrl+G generate packet,
                                Ctrl+O open, Ctrl+Shift+S save as, Ctrl+P print;
                                Ctrl+Enter creates the case in its dialog)
                Ctrl+Shift+D    Dark theme on/off
                F1              This list
                Ctrl+Q          Quit""");
        text.setEditable(false);
        text.getStyleClass().add("shortcut-list");
        text.setPrefRowCount(14);
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
