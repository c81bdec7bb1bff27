package org.rxledger.app.audits;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.audit.AuditCase;
import org.rxledger.core.audit.AuditCaseDetail;
import org.rxledger.core.audit.AuditCaseOverview;
import org.rxledger.core.audit.AuditStatus;
import org.rxledger.core.audit.DeadlineFlag;
import org.rxledger.core.audit.DocumentKind;
import org.rxledger.core.audit.Transmittal;
import org.rxledger.core.audit.TransmittalMethod;
import org.rxledger.core.money.Money;

/**
 * The audits area: the case list (due dates flagged: overdue, due within 3 days) on the left, the
 * open case on the right with its requested claims, status, transmittals and the packet actions.
 * Binds and forwards only. Shortcuts (while the area is shown): Ctrl+Shift+N new case, Ctrl+G generate
 * packet, Ctrl+Shift+O open it, Ctrl+Shift+S save it as, Ctrl+P print it.
 */
public final class AuditsView extends BorderPane {

    static final KeyCombination NEW_CASE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass DUE_SOON = PseudoClass.getPseudoClass("due-soon");
    private static final PseudoClass NOT_ON_FILE = PseudoClass.getPseudoClass("not-on-file");

    private final AuditsViewModel vm;
    private final TableView<AuditCaseOverview> cases = new TableView<>();
    private final TableView<AuditsViewModel.LineRow> lines = new TableView<>();

    public AuditsView(AuditsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("audits-view");
        getStylesheets().add(AuditsView.class.getResource("audits.css").toExternalForm());
        setTop(toolbar());
        // cases above, the open case below: both get the full width for their columns
        SplitPane split = new SplitPane(casesTable(), detailPane());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        setCenter(split);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        // shown by the navigation: the list takes the keyboard (after the scene has settled its own focus)
        parentProperty().addListener((o, was, now) -> {
            if (now != null) {
                focusList();
            }
        });
    }

    private void installShortcuts(Scene scene) {
        // scene-wide shortcuts: act only while this area is the one shown
        scene.getAccelerators().put(NEW_CASE, () -> whenShown(this::newCase));
        scene.getAccelerators().put(GENERATE, () -> whenShown(() -> {
            if (vm.caseOpen().get()) {
                vm.generatePacket();
            }
        }));
        scene.getAccelerators().put(OPEN, () -> whenShown(() -> ifPacket(vm::openPacket)));
        scene.getAccelerators().put(SAVE_AS, () -> whenShown(() -> ifPacket(this::saveAs)));
        scene.getAccelerators().put(PRINT, () -> whenShown(() -> ifPacket(vm::printPacket)));
    }

    private void whenShown(Runnable r) {
        // every area stays in the scene; only the one shown is visible
        if (getScene() != null && getParent() != null && isVisible()) {
            r.run();
        }
    }

    private void ifPacket(Runnable r) {
        if (vm.packetReady().get()) {
            r.run();
        }
    }

    private HBox toolbar() {
        Button add = new Button("New case…");
        add.setId("newAuditCase");
        add.setTooltip(new Tooltip("Open a case from an audit letter (Ctrl+Shift+N)"));
        add.setOnAction(e -> newCase());
        add.getStyleClass().add(Styles.ACCENT);
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.reload());
        reload.getStyleClass().add(Styles.FLAT);
        Label legend = new Label("Due dates: OVERDUE, DUE SOON (within 3 days) flagged until the packet is submitted");
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(vm.caseCountProperty());
        HBox bar = new HBox(8, add, reload, legend, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private TableView<AuditCaseOverview> casesTable() {
        cases.setId("auditCases");
        cases.setItems(vm.cases());
        cases.getStyleClass().add(Styles.DENSE);
        cases.setPlaceholder(new Label("No audit cases yet. Press Ctrl+Shift+N to open one from an audit letter."));
        TableColumn<AuditCaseOverview, String> id = column("Audit id", o -> o.auditCase().auditId(), 140);
        TableColumn<AuditCaseOverview, String> pbm = column("PBM / auditor", o -> o.auditCase().pbmName(), 200);
        TableColumn<AuditCaseOverview, String> type = column("Type", o -> o.auditCase().type().name(), 70);
        TableColumn<AuditCaseOverview, String> status = column("Status", o -> o.auditCase().status().label(), 140);
        TableColumn<AuditCaseOverview, LocalDate> due = new TableColumn<>("Due");
        due.setCellValueFactory(Cells.value(o -> o.auditCase().dueDate()));
        due.setCellFactory(c -> Cells.formatted(Formats::date, "date-cell"));
        due.setPrefWidth(104);
        TableColumn<AuditCaseOverview, AuditCaseOverview> flag = new TableColumn<>("Deadline");
        flag.setCellValueFactory(Cells.value(o -> o));
        flag.setCellFactory(c -> deadlineCell());
        flag.setPrefWidth(130);
        TableColumn<AuditCaseOverview, Integer> claims = new TableColumn<>("Claims");
        claims.setCellValueFactory(Cells.value(AuditCaseOverview::requestedClaims));
        claims.setCellFactory(c -> Cells.formatted(String::valueOf, "number-cell"));
        TableColumn<AuditCaseOverview, Integer> unknown = new TableColumn<>("Not on file");
        unknown.setCellValueFactory(Cells.value(AuditCaseOverview::unknownClaims));
        unknown.setCellFactory(c -> Cells.formatted(n -> n == 0 ? "" : String.valueOf(n), "number-cell"));
        claims.setPrefWidth(70);
        unknown.setPrefWidth(100);
        cases.getColumns().setAll(List.of(id, pbm, type, status, due, flag, claims, unknown));
        cases.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditCaseOverview item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(OVERDUE, !empty && item != null && item.overdue());
                pseudoClassStateChanged(DUE_SOON, !empty && item != null && item.dueSoon());
            }
        });
        cases.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && cases.getSelectionModel().getSelectedItem() != now) {
                cases.getSelectionModel().select(now);
            }
        });
        cases.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                lines.requestFocus();
                lines.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        return cases;
    }

    private static TableCell<AuditCaseOverview, AuditCaseOverview> deadlineCell() {
        return new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(AuditCaseOverview item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null || item.deadline() == DeadlineFlag.NONE) {
                    setGraphic(null);
                    return;
                }
                long days = item.daysUntilDue();
                chip.setText(item.overdue() ? "OVERDUE " + (-days) + " d"
                        : days == 0 ? "DUE TODAY" : "DUE IN " + days + " d");
                chip.getStyleClass().setAll("label", "status-chip", item.overdue() ? "status-rejected" : "status-duplicate");
                setGraphic(chip);
            }
        };
    }

    /** "On file" / "NOT ON FILE" chip: text and colour, never colour alone (UI.md §3). */
    static <S> TableCell<S, Boolean> onFileCell() {
        return new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(item ? "on file" : "NOT ON FILE");
                chip.getStyleClass().setAll("label", "status-chip", item ? "status-paid" : "status-rejected");
                setGraphic(chip);
            }
        };
    }

    private VBox detailPane() {
        Label title = new Label("Select a case");
        title.setId("auditTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        Label facts = new Label();
        facts.setId("auditFacts");
        facts.setWrapText(true);
        vm.detailProperty().addListener((o, was, d) -> {
            title.setText(d == null ? "Select a case" : "Audit " + d.auditCase().auditId() + " · " + d.auditCase().pbmName());
            facts.setText(d == null ? "" : facts(d));
        });

        ComboBox<AuditStatus> next = new ComboBox<>(vm.nextStatuses());
        next.setId("auditNextStatus");
        next.setPromptText("Move to…");
        next.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditStatus s) {
                return s == null ? "" : s.label();
            }

            @Override
            public AuditStatus fromString(String s) {
                return null;
            }
        });
        Button move = new Button("Change status");
        move.setId("auditChangeStatus");
        move.disableProperty().bind(next.valueProperty().isNull());
        move.setOnAction(e -> {
            vm.changeStatus(next.getValue());
            next.setValue(null);
        });
        HBox statusRow = new HBox(6, new Label("Status"), next, move);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        lines.setId("auditLines");
        lines.setItems(vm.lines());
        lines.getStyleClass().add(Styles.DENSE);
        lines.setPlaceholder(new Label("No requested claims"));
        TableColumn<AuditsViewModel.LineRow, Integer> line = new TableColumn<>("Line");
        line.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::lineNo));
        line.setPrefWidth(54);
        TableColumn<AuditsViewModel.LineRow, String> rx = new TableColumn<>("Rx-fill");
        rx.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::rxFill));
        rx.setPrefWidth(110);
        TableColumn<AuditsViewModel.LineRow, LocalDate> dos = new TableColumn<>("DOS");
        dos.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::dateOfService));
        dos.setCellFactory(c -> Cells.formatted(Formats::date, "date-cell"));
        dos.setPrefWidth(104);
        TableColumn<AuditsViewModel.LineRow, Boolean> onFile = new TableColumn<>("Claim");
        onFile.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::onFile));
        onFile.setCellFactory(c -> onFileCell());
        onFile.setPrefWidth(124);
        TableColumn<AuditsViewModel.LineRow, Integer> docs = new TableColumn<>("Docs");
        docs.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::documents));
        docs.setCellFactory(c -> Cells.formatted(String::valueOf, "number-cell"));
        docs.setPrefWidth(60);
        TableColumn<AuditsViewModel.LineRow, String> finding = new TableColumn<>("Finding");
        finding.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::finding));
        finding.setPrefWidth(360);
        TableColumn<AuditsViewModel.LineRow, Money> recoup = new TableColumn<>("Recoupment");
        recoup.setCellValueFactory(Cells.value(AuditsViewModel.LineRow::recoupment));
        recoup.setCellFactory(c -> Cells.money());
        recoup.getStyleClass().add("money-column");
        recoup.setPrefWidth(120);
        lines.getColumns().setAll(List.of(line, rx, dos, onFile, docs, finding, recoup));
        lines.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditsViewModel.LineRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(NOT_ON_FILE, !empty && item != null && !item.onFile());
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);

        Button attach = new Button("Attach document…");
        attach.setId("auditAttach");
        attach.setTooltip(new Tooltip("Attach a scan (PDF, PNG, JPEG) to the selected claim line"));
        attach.setOnAction(e -> attachDocument());
        Button find = new Button("Record finding…");
        find.setId("auditFinding");
        find.setOnAction(e -> recordFinding());
        Button transmit = new Button("Log transmittal…");
        transmit.setId("auditTransmittal");
        transmit.setOnAction(e -> logTransmittal());
        attach.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull());
        find.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull());
        transmit.disableProperty().bind(vm.caseOpen().not());
        HBox lineActions = new HBox(6, attach, find, transmit);

        ListView<Transmittal> transmittals = new ListView<>();
        transmittals.setId("auditTransmittals");
        transmittals.setPrefHeight(64);
        transmittals.setMinHeight(56);
        transmittals.setPlaceholder(new Label("No transmittals logged"));
        vm.detailProperty().addListener((o, was, d) -> transmittals.getItems().setAll(d == null ? List.of() : d.transmittals()));
        transmittals.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Transmittal t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Formats.timestamp(t.sentAt()) + "  " + t.method() + "  "
                        + (t.trackingNumber().isBlank() ? "" : "tracking " + t.trackingNumber() + "  ") + "by " + t.person());
            }
        });

        Button generate = new Button("Generate packet");
        generate.setId("generatePacket");
        generate.setTooltip(new Tooltip("Build the desk-audit packet PDF (Ctrl+G)"));
        generate.getStyleClass().add(Styles.ACCENT);
        generate.disableProperty().bind(vm.caseOpen().not().or(vm.generatingProperty()));
        generate.setOnAction(e -> vm.generatePacket());
        ProgressBar progress = new ProgressBar();
        progress.setId("packetProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.jobs().progressProperty());
        progress.visibleProperty().bind(vm.generatingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelPacket");
        cancel.visibleProperty().bind(vm.generatingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelPacket());
        Button open = new Button("Open");
        open.setId("openPacket");
        open.setTooltip(new Tooltip("Open the packet in the system PDF viewer (Ctrl+Shift+O)"));
        open.setOnAction(e -> vm.openPacket());
        Button saveAs = new Button("Save as…");
        saveAs.setId("savePacketAs");
        saveAs.setTooltip(new Tooltip("Save a copy of the packet (Ctrl+Shift+S)"));
        saveAs.setOnAction(e -> saveAs());
        Button print = new Button("Print…");
        print.setId("printPacket");
        print.setTooltip(new Tooltip("Print through the system print dialog, pages at their own size (Ctrl+P)"));
        print.setOnAction(e -> vm.printPacket());
        for (Button b : List.of(open, saveAs, print)) {
            b.disableProperty().bind(vm.packetReady().not());
        }
        Label packetInfo = new Label();
        packetInfo.setId("packetInfo");
        packetInfo.getStyleClass().add(Styles.TEXT_MUTED);
        packetInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            AuditsViewModel.Packet p = vm.packetProperty().get();
            AuditCaseDetail d = vm.detailProperty().get();
            if (vm.generatingProperty().get()) {
                return vm.jobs().messageProperty().get();
            }
            return p == null || d == null || !p.auditId().equals(d.auditCase().auditId()) ? ""
                    : p.pages() + " pages · " + p.file().getFileName() + " · SHA-256 " + p.sha256().substring(0, 12) + "…";
        }, vm.packetProperty(), vm.detailProperty(), vm.generatingProperty(), vm.jobs().messageProperty()));
        HBox packetRow = new HBox(6, generate, progress, cancel, open, saveAs, print);
        packetRow.setAlignment(Pos.CENTER_LEFT);

        Label linesLabel = new Label("Requested claims (auditor's order)");
        linesLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Label transLabel = new Label("Transmittal log");
        transLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Label packetLabel = new Label("Desk-audit packet");
        packetLabel.getStyleClass().add(Styles.TEXT_BOLD);
        VBox pane = new VBox(6, title, facts, statusRow, linesLabel, lines, lineActions, transLabel, transmittals,
                packetLabel, packetRow, packetInfo);
        pane.setId("auditDetail");
        pane.setPadding(new Insets(8));
        pane.disableProperty().bind(vm.caseOpen().not());
        return pane;
    }

    private static String facts(AuditCaseDetail d) {
        AuditCase c = d.auditCase();
        long unknown = d.requestedClaims().stream().filter(l -> !l.isKnown()).count();
        return c.type().name().charAt(0) + c.type().name().substring(1).toLowerCase() + " audit · letter "
                + Formats.date(c.letterDate()) + " · due " + Formats.date(c.dueDate()) + " · status " + c.status().label()
                + (c.contact().isBlank() ? "" : " · contact " + c.contact())
                + " · " + Formats.count(d.requestedClaims().size(), "claim", "claims") + (unknown == 0 ? "" : ", " + unknown + " not on file");
    }

    private static <T> TableColumn<AuditCaseOverview, T> column(String name, java.util.function.Function<AuditCaseOverview, T> f,
                                                             double width) {
        TableColumn<AuditCaseOverview, T> c = new TableColumn<>(name);
        c.setCellValueFactory(Cells.value(f));
        c.setPrefWidth(width);
        return c;
    }

    // ------------------------------------------------------------------ dialogs

    /** Opens the new-case dialog (also from Ctrl+Shift+N). */
    public void newCase() {
        NewAuditCaseDialog dialog = new NewAuditCaseDialog(getScene().getWindow(), vm,
                (header, requested) -> vm.create(header, requested, d -> cases.requestFocus()));
        dialog.show();
    }

    private void saveAs() {
        AuditsViewModel.Packet p = vm.packetProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the packet as");
        chooser.setInitialFileName(p.file().getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.savePacketAs(f.toPath());
        }
    }

    private void attachDocument() {
        AuditsViewModel.LineRow row = lines.getSelectionModel().getSelectedItem();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Attach document");
        dialog.setHeaderText("Attach a document to line " + row.lineNo() + " (Rx " + row.rxFill() + ")");
        ComboBox<DocumentKind> kind = new ComboBox<>();
        kind.getItems().setAll(DocumentKind.values());
        kind.setValue(DocumentKind.HARD_COPY_FRONT);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DocumentKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public DocumentKind fromString(String s) {
                return null;
            }
        });
        dialog.getDialogPane().setContent(new HBox(8, new Label("What it is"), kind));
        ButtonType choose = new ButtonType("Choose file…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(choose, ButtonType.CANCEL);
        Optional<ButtonType> r = dialog.showAndWait();
        if (r.isEmpty() || r.get() != choose) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the scan");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF, PNG, JPEG", "*.pdf", "*.png", "*.jpg", "*.jpeg"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.attachDocument(row.lineNo(), kind.getValue(), f.toPath());
        }
    }

    private void recordFinding() {
        AuditsViewModel.LineRow row = lines.getSelectionModel().getSelectedItem();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Record finding");
        dialog.setHeaderText("Auditor's finding on line " + row.lineNo() + " (Rx " + row.rxFill() + ")");
        TextField text = new TextField();
        text.setPromptText("e.g. Days supply miscalculated");
        text.setPrefColumnCount(30);
        TextField amount = new TextField();
        amount.setPromptText("0.00");
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Finding"), text);
        grid.addRow(1, new Label("Recoupment $"), amount);
        grid.add(error, 1, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                Money.parse(amount.getText().isBlank() ? "0" : amount.getText().strip());
                if (text.getText().isBlank()) {
                    error.setText("Enter the finding.");
                    e.consume();
                }
            } catch (RuntimeException ex) {
                error.setText("'" + amount.getText() + "' is not an amount (e.g. 12.50).");
                e.consume();
            }
        });
        dialog.setOnShown(e -> text.requestFocus());
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.recordFinding(row.lineNo(), text.getText(), Money.parse(amount.getText().isBlank() ? "0" : amount.getText().strip()));
        }
    }

    private void logTransmittal() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Log transmittal");
        dialog.setHeaderText("How and when the packet was sent");
        ComboBox<TransmittalMethod> method = new ComboBox<>();
        method.getItems().setAll(TransmittalMethod.values());
        method.setValue(TransmittalMethod.PORTAL);
        TextField when = new TextField(LocalDateTime.now().withSecond(0).withNano(0).toString().replace('T', ' '));
        TextField tracking = new TextField();
        TextField person = new TextField(System.getProperty("user.name", ""));
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Method"), method);
        grid.addRow(1, new Label("Sent (yyyy-mm-dd hh:mm)"), when);
        grid.addRow(2, new Label("Tracking / confirmation #"), tracking);
        grid.addRow(3, new Label("Sent by"), person);
        grid.add(error, 1, 4);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (sentAt(when.getText()) == null) {
                error.setText("'" + when.getText() + "' is not a date and time like 2025-04-10 14:30.");
                e.consume();
            } else if (person.getText().isBlank()) {
                error.setText("Enter who sent it.");
                e.consume();
            }
        });
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.logTransmittal(method.getValue(), sentAt(when.getText()).atZone(ZoneId.systemDefault()).toInstant(),
                    tracking.getText(), person.getText());
        }
    }

    private static LocalDateTime sentAt(String text) {
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Focuses the case list once the area is on screen (it may be attached in this same pulse). */
    public void focusList() {
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
            cases.requestFocus();
            if (cases.getSelectionModel().isEmpty() && !cases.getItems().isEmpty()) {
                cases.getSelectionModel().selectFirst();
            }
        }));
    }

}
