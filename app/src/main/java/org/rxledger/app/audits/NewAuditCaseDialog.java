package org.rxledger.app.audits;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.audit.RequestedLine;

/**
 * "New audit case": the letter's header and its claim list (typed, pasted or imported from CSV),
 * with a check that flags claims not on file before the case is created. Keyboard: Tab through the
 * fields (Ctrl+Tab leaves the claim list), Ctrl+Enter creates, Esc cancels.
 */
final class NewAuditCaseDialog extends Dialog<ButtonType> {

    static final KeyCombination CREATE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US);

    private final AuditsViewModel vm;
    private final TextField pbm = new TextField();
    private final TextField auditId = new TextField();
    private final ComboBox<AuditType> type = new ComboBox<>();
    private final TextField letterDate = new TextField();
    private final TextField dueDate = new TextField();
    private final TextField contact = new TextField();
    private final TextArea claims = new TextArea();
    private final Label problems = new Label();
    private final TableView<AuditsViewModel.DraftLine> preview = new TableView<>();
    private final ButtonType createType = new ButtonType("Create case", ButtonBar.ButtonData.OK_DONE);
    private NewAuditCase header;
    private List<RequestedLine> lines;

    NewAuditCaseDialog(Window owner, AuditsViewModel vm, BiConsumer<NewAuditCase, List<RequestedLine>> onCreate) {
        this.vm = vm;
        initOwner(owner);
        setTitle("New audit case");
        setHeaderText("New PBM audit case — enter the audit letter and the claims it asks for");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(createType, ButtonType.CANCEL);
        getDialogPane().setId("newAuditDialog");

        pbm.setId("auditPbm");
        pbm.setPromptText("PBM or auditor");
        auditId.setId("auditIdField");
        auditId.setPromptText("as printed on the letter");
        type.getItems().setAll(AuditType.values());
        type.setValue(AuditType.DESK);
        type.setId("auditType");
        letterDate.setId("auditLetterDate");
        letterDate.setText(vm.today().toString());
        letterDate.setPromptText("yyyy-mm-dd");
        dueDate.setId("auditDueDate");
        dueDate.setPromptText("yyyy-mm-dd");
        contact.setId("auditContact");
        contact.setPromptText("name, phone, fax");
        claims.setId("auditClaimsText");
        claims.setPromptText("One claim per line: Rx, fill, date of service\n7001234, 2, 2025-03-03");
        claims.setPrefRowCount(7);
        claims.setTooltip(new Tooltip("Type or paste: Rx, fill, date of service — one claim per line. Ctrl+Tab leaves the list."));
        // Ctrl+Tab / Tab out of the text area (Tab alone inserts nothing useful in a claim list)
        claims.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isShiftDown()) {
                e.consume();
                checkClaims();
                preview.requestFocus();
            }
        });

        Button importCsv = new Button("Import CSV…");
        importCsv.setId("auditImportCsv");
        importCsv.setTooltip(new Tooltip("Read the claim list from a CSV file with columns rx_number, fill_number, date_of_service"));
        importCsv.setOnAction(e -> importCsv());
        Button check = new Button("Check claims");
        check.setId("auditCheckClaims");
        check.setTooltip(new Tooltip("Look each claim up in the stored claims; claims not on file are flagged"));
        check.setOnAction(e -> checkClaims());

        preview.setId("auditPreview");
        preview.setPrefHeight(160);
        preview.setPlaceholder(new Label("Check the claims to see which are on file"));
        preview.getStyleClass().add(Styles.DENSE);
        TableColumn<AuditsViewModel.DraftLine, Integer> line = new TableColumn<>("Line");
        line.setCellValueFactory(Cells.value(AuditsViewModel.DraftLine::lineNo));
        TableColumn<AuditsViewModel.DraftLine, String> rx = new TableColumn<>("Rx-fill");
        rx.setCellValueFactory(Cells.value(d -> d.line().rxNumber() + "-" + String.format("%02d", d.line().fillNumber())));
        rx.setPrefWidth(110);
        TableColumn<AuditsViewModel.DraftLine, LocalDate> dos = new TableColumn<>("DOS");
        dos.setCellValueFactory(Cells.value(d -> d.line().dateOfService()));
        dos.setCellFactory(c -> Cells.formatted(Formats::date, "date-cell"));
        dos.setPrefWidth(100);
        TableColumn<AuditsViewModel.DraftLine, Boolean> onFile = new TableColumn<>("On file");
        onFile.setCellValueFactory(Cells.value(AuditsViewModel.DraftLine::onFile));
        onFile.setCellFactory(c -> AuditsView.onFileCell());
        onFile.setPrefWidth(120);
        preview.getColumns().setAll(List.of(line, rx, dos, onFile));
        preview.setRowFactory(t -> new TableRow<>());

        problems.setId("auditProblems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setWrapText(true);
        problems.setMaxWidth(620);
        problems.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int r = 0;
        grid.addRow(r++, new Label("PBM / auditor"), pbm);
        grid.addRow(r++, new Label("Audit id"), auditId);
        grid.addRow(r++, new Label("Type"), type);
        grid.addRow(r++, new Label("Letter date"), letterDate);
        grid.addRow(r++, new Label("Due date"), dueDate);
        grid.addRow(r++, new Label("Contact"), contact);
        GridPane.setHgrow(pbm, Priority.ALWAYS);
        HBox claimButtons = new HBox(6, importCsv, check);
        VBox box = new VBox(8, grid, new Label("Requested claims (Rx, fill, date of service)"), claims, claimButtons,
                preview, problems);
        box.setPadding(new Insets(4));
        box.setPrefWidth(640);
        getDialogPane().setContent(box);

        Button create = (Button) getDialogPane().lookupButton(createType);
        create.setId("auditCreate");
        create.setTooltip(new Tooltip("Create the case (Ctrl+Enter)"));
        create.addEventFilter(ActionEvent.ACTION, e -> {
            if (!validate()) {
                e.consume();
            }
        });
        // a filter, not an accelerator: the claim list's text area would take Ctrl+Enter as a new line
        getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (CREATE.match(e)) {
                e.consume();
                create.fire();
            }
        });
        setOnShown(e -> pbm.requestFocus());
        // Cancel, Space on a focused Cancel, Esc and the window's close box all end here: a filled form is
        // the clerk's work from a letter, so it is only thrown away when the clerk says so
        setOnCloseRequest(e -> {
            if (getResult() != createType && filledIn() && !confirmDiscard()) {
                e.consume();
            }
        });
        setOnHidden(e -> {
            if (getResult() == createType && header != null) {
                onCreate.accept(header, lines);
            }
        });
    }

    /** Anything typed beyond the defaults (type Desk, today's letter date). */
    private boolean filledIn() {
        return List.of(pbm, auditId, dueDate, contact).stream().anyMatch(f -> !f.getText().isBlank())
                || !claims.getText().isBlank() || !letterDate.getText().strip().equals(vm.today().toString());
    }

    private boolean confirmDiscard() {
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The letter details and the claim list typed here will be lost.",
                keep, discard);
        ask.initOwner(getDialogPane().getScene().getWindow());
        ask.setTitle("Discard this audit case?");
        ask.setHeaderText("Discard this audit case?");
        ask.getDialogPane().setId("discardAuditCase");
        // Enter or Space on the default button keeps the work; discarding takes a deliberate choice
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ask.getDialogPane().lookupButton(discard).setId("discardAuditCaseYes");
        ask.setOnShown(e -> ask.getDialogPane().lookupButton(keep).requestFocus());
        return ask.showAndWait().filter(b -> b == discard).isPresent();
    }

    private void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import the audit's claim list");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"));
        java.io.File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (f != null) {
            importCsv(f.toPath());
        }
    }

    /** Reads a CSV list into the text area (all-or-nothing: a bad file names its lines and columns). */
    void importCsv(Path file) {
        try {
            claims.setText(ClaimListText.format(AuditsViewModel.readCsv(file)));
            problems.setText("");
            checkClaims();
        } catch (Exception e) {
            problems.setText(e.getMessage());
        }
    }

    private void checkClaims() {
        ClaimListText.Parsed parsed = ClaimListText.parse(claims.getText());
        problems.setText(String.join("\n", parsed.problems()));
        vm.preview(parsed.lines(), rows -> {
            preview.getItems().setAll(rows);
            long unknown = rows.stream().filter(d -> !d.onFile()).count();
            if (unknown > 0 && parsed.problems().isEmpty()) {
                problems.setText(unknown + " of " + rows.size() + " claims are not on file. They will be kept on the "
                        + "case and listed as exceptions in the packet.");
            }
        });
    }

    private boolean validate() {
        try {
            LocalDate letter = date(letterDate.getText(), "letter date");
            LocalDate due = date(dueDate.getText(), "due date");
            NewAuditCase h = new NewAuditCase(pbm.getText(), auditId.getText(), type.getValue(), letter, due,
                    contact.getText());
            ClaimListText.Parsed parsed = ClaimListText.parse(claims.getText());
            if (!parsed.problems().isEmpty()) {
                problems.setText(String.join("\n", parsed.problems()));
                return false;
            }
            if (parsed.lines().isEmpty()) {
                problems.setText("Enter at least one requested claim (Rx, fill, date of service).");
                return false;
            }
            header = h;
            lines = parsed.lines();
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.setText(capitalise(e.getMessage()) + ".");
            return false;
        }
    }

    private static LocalDate date(String text, String what) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        throw new IllegalArgumentException("the " + what + " '" + s + "' is not a date (2025-04-14 or 04/14/2025)");
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "Check the fields" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
