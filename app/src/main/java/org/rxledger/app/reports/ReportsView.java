package org.rxledger.app.reports;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.rxledger.app.reports.ReportsViewModel.Run;
import org.rxledger.app.ui.Tables;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter.Format;

/**
 * The Reports screen: the reports in a list, their period, format (Excel or PDF) and target file beside it, Run
 * (Ctrl+Enter) and Print (Ctrl+P) with progress and Cancel, and the runs of this session below (Enter opens one's
 * file). Binds only.
 */
public final class ReportsView extends BorderPane {

    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final ReportsViewModel vm;
    private final TableView<Report> list = new TableView<>();
    private final TableView<Run> runs = new TableView<>();
    private final DatePicker from = picker("reportFrom");
    private final DatePicker to = picker("reportTo");
    private final DatePicker asOf = picker("reportAsOf");

    public ReportsView(ReportsViewModel vm) {
        this.vm = vm;
        setId("reportsView");

        Label title = new Label("Reports");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = new Label("Excel workbooks or PDFs, as `rxledger report` writes them. Choose a report, its dates (From/To "
                + "for periods, As of for aging), the format and the file; Ctrl+Enter runs it, Ctrl+P writes the PDF and "
                + "prints it. Enter on a run below opens its file.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        VBox top = new VBox(2, title, help);
        top.setPadding(new Insets(8, 12, 8, 12));

        list.setId("reportList");
        list.setItems(vm.available());
        list.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().setAll(List.of(Tables.<Report, String>column("Report", 120, Report::name),
                Tables.<Report, String>column("What it holds", 340, Report::title)));
        list.setPrefWidth(480);
        Tables.followSelection(list, vm.selectedProperty());
        list.getSelectionModel().select(vm.selectedProperty().get());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                from.requestFocus();
                e.consume();
            }
        });

        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());
        TextField file = new TextField();
        file.setId("reportTarget");
        file.setPrefColumnCount(36);
        file.textProperty().bindBidirectional(vm.targetProperty());
        Button saveAs = button("Save as…", "reportSaveAs", "Choose the file to write", this::chooseTarget);
        ToggleGroup formats = new ToggleGroup();
        RadioButton excel = new RadioButton("_Excel workbook");
        excel.setId("reportFormatXlsx");
        excel.setUserData(Format.XLSX);
        RadioButton pdf = new RadioButton("P_DF");
        pdf.setId("reportFormatPdf");
        pdf.setUserData(Format.PDF);
        excel.setToggleGroup(formats);
        pdf.setToggleGroup(formats);
        formats.selectToggle(vm.formatProperty().get() == Format.PDF ? pdf : excel);
        formats.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.formatProperty().set((Format) now.getUserData());
            }
        });
        vm.formatProperty().addListener((o, was, now) -> formats.selectToggle(now == Format.PDF ? pdf : excel));
        HBox formatRow = new HBox(12, excel, pdf);
        HBox fileRow = new HBox(6, file, saveAs);
        HBox.setHgrow(file, Priority.ALWAYS);

        TextField recipient = new TextField();
        recipient.setId("reportRecipient");
        recipient.setPromptText("Who receives it, e.g. ACME PBM audit 2025-114 (for the accounting of disclosures)");
        recipient.textProperty().bindBidirectional(vm.recipientProperty());
        // only a report with patient columns is a disclosure; the others go nowhere the log must know of
        recipient.disableProperty().bind(vm.selectedProperty().map(r -> !r.namesPatients()).orElse(true));

        Button run = button("Run", "reportRun", "Write the report (Ctrl+Enter)", this::run);
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = button("Cancel", "reportCancel", "Stop the report being written", vm::cancel);
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.runningProperty());
        Button print = button("Print…", "reportPrint", "Write the report as a PDF and print it (Ctrl+P)", this::print);
        print.disableProperty().bind(vm.runningProperty());
        Button open = button("Open", "reportOpen", "Open the file just written", vm::openLast);
        open.disableProperty().bind(vm.lastProperty().isNull());
        HBox actions = new HBox(8, run, print, cancel, progress, open);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("_From", from), from);
        form.addRow(1, label("_To", to), to);
        form.addRow(2, label("_As of", asOf), asOf);
        form.addRow(3, new Label("Format"), formatRow);
        form.addRow(4, label("F_ile", file), fileRow);
        form.addRow(5, label("_Recipient", recipient), recipient);
        form.add(actions, 1, 6);
        form.add(message, 0, 7, 2, 1);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox upper = new HBox(12, list, form);

        runs.setId("reportRuns");
        runs.setItems(vm.runs());
        runs.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.setPlaceholder(new Label("No reports written yet in this session."));
        runs.getColumns().setAll(List.of(
                Tables.<Run, String>column("Report", 110, Run::report),
                Tables.<Run, String>column("Period", 190, Run::period),
                Tables.<Run, String>column("File", 360, r -> r.file().toString()),
                Tables.<Run, String>column("Summary", 330, Run::summary),
                Tables.<Run, String>column("When", 130, r -> r.when().toLocalTime().withNano(0).toString())));
        runs.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                vm.open(runs.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        runs.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.open(runs.getSelectionModel().getSelectedItem());
            }
        });
        Label runsTitle = new Label("Written in this session");
        runsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(runs, Priority.ALWAYS);

        VBox center = new VBox(8, upper, runsTitle, runs);
        center.setPadding(new Insets(0, 12, 8, 12));
        setTop(top);
        setCenter(center);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                run();
                e.consume();
            } else if (PRINT.match(e)) {
                print();
                e.consume();
            }
        });
    }

    /** Takes what is typed in the date fields (a date picker keeps it only when focus leaves), then runs. */
    void run() {
        if (takeDates()) {
            vm.run();
        }
    }

    /** The same, then the PDF goes to the print dialog. */
    void print() {
        if (takeDates()) {
            vm.print();
        }
    }

    private boolean takeDates() {
        for (DatePicker p : List.of(from, to, asOf)) {
            String typed = p.getEditor().getText();
            try {
                p.setValue(typed == null || typed.isBlank() ? null : p.getConverter().fromString(typed.strip()));
            } catch (DateTimeParseException e) {
                String why = "The date '" + typed.strip() + "' is not a date (expected a date such as " + p.getConverter().toString(LocalDate.of(2026, 1, 31)) + ").";
                vm.refuseInput(why);
                p.requestFocus();
                return false;
            }
        }
        return true;
    }

    private void chooseTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Write the report to");
        Format format = vm.formatProperty().get();
        chooser.getExtensionFilters().add(format == Format.PDF ? new FileChooser.ExtensionFilter("PDF documents", "*.pdf")
                : new FileChooser.ExtensionFilter("Excel workbooks", "*.xlsx"));
        Path current = Path.of(vm.targetProperty().get().isBlank() ? vm.reportsDir().toString() : vm.targetProperty().get());
        Path dir = current.getParent() != null && Files.isDirectory(current.getParent()) ? current.getParent() : null;
        if (dir != null) {
            chooser.setInitialDirectory(dir.toFile());
        }
        if (current.getFileName() != null) {
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            String name = chosen.toPath().toString();
            vm.targetProperty().set(name.toLowerCase(java.util.Locale.ROOT).endsWith(format.extension()) ? name
                    : name + format.extension());
        }
    }

    private static DatePicker picker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setEditable(true);
        p.setPromptText("open");
        p.setPrefWidth(150);
        return p;
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                b.fire();
                e.consume();
            }
        });
        return b;
    }

    public void focusList() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }
}
