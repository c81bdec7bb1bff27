package org.rxledger.app.recon;

import java.util.List;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Tables;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositPairing.AmountMismatch;
import org.rxledger.core.deposit.RemittedPayment;

/** Deposits and the three lists that tie them to 835 payments. Binds only; dialogs collect input. */
public final class DepositsView extends BorderPane {

    private final DepositsViewModel vm;
    private final TableView<Deposit> deposits = new TableView<>();

    public DepositsView(DepositsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("deposits-view");
        setTop(toolbar());

        buildDeposits();
        SplitPane lists = new SplitPane(titled("Payments without deposit", paymentsTable()),
                titled("Deposits without remittance", depositsWithoutRemittanceTable()),
                titled("Amount mismatches (same trace, other amount)", mismatchTable()));
        lists.setDividerPositions(0.4, 0.7);
        SplitPane split = new SplitPane(titled("Deposits", deposits), lists);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private HBox toolbar() {
        Button add = new Button("New deposit…");
        add.setId("newDeposit");
        add.setTooltip(new Tooltip("Enter a deposit from the bank statement"));
        add.setOnAction(e -> showNewDepositDialog());
        add.setDefaultButton(false);
        Button importCsv = new Button("Import statement…");
        importCsv.setId("importDeposits");
        importCsv.setTooltip(new Tooltip("Import a bank-statement CSV: deposit_date, amount, trace_number[, method, bank_reference, note]"));
        importCsv.setOnAction(e -> chooseStatement());
        Button voidButton = new Button("Void…");
        voidButton.setId("voidDeposit");
        voidButton.disableProperty().bind(deposits.getSelectionModel().selectedItemProperty().isNull());
        voidButton.setOnAction(e -> voidSelected());
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.reload());
        Label summary = new Label();
        summary.setId("depositSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, add, importCsv, voidButton, reload, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private static VBox titled(String title, Region content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, label, content);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private void buildDeposits() {
        deposits.setId("depositsTable");
        deposits.setItems(vm.deposits());
        deposits.setPlaceholder(new Label("No deposits yet. Enter one (New deposit…) or import a bank statement."));
        deposits.getColumns().setAll(List.of(
                ReconTables.column("Date", Deposit::depositDate, Formats::date, 100),
                ReconTables.column("Method", d -> d.method().label(), s -> s, 110),
                Tables.money("Amount", 100, Deposit::amount),
                ReconTables.column("Trace / check #", Deposit::traceNumber, s -> s, 170),
                ReconTables.column("Source", Deposit::source, s -> s, 160),
                ReconTables.column("Void", d -> d.voided() ? d.voidReason() : "", s -> s, 220)));
        deposits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        deposits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && deposits.getSelectionModel().getSelectedItem() != null) {
                voidSelected();
                e.consume();
            }
        });
    }

    private TableView<RemittedPayment> paymentsTable() {
        TableView<RemittedPayment> t = new TableView<>(vm.paymentsWithoutDeposit());
        t.setId("paymentsWithoutDeposit");
        Label none = new Label();
        none.textProperty().bind(vm.noPaymentsMissingProperty());
        t.setPlaceholder(none);
        t.getColumns().setAll(List.of(
                ReconTables.column("Paid", RemittedPayment::paymentDate, Formats::date, 95),
                ReconTables.column("Payer", RemittedPayment::payerName, s -> s, 150),
                ReconTables.column("Trace", RemittedPayment::traceNumber, s -> s, 130),
                Tables.money("Amount", 100, RemittedPayment::amount)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<Deposit> depositsWithoutRemittanceTable() {
        TableView<Deposit> t = new TableView<>(vm.depositsWithoutRemittance());
        t.setId("depositsWithoutRemittance");
        Label none = new Label();
        none.textProperty().bind(vm.noDepositsMissingProperty());
        t.setPlaceholder(none);
        t.getColumns().setAll(List.of(
                ReconTables.column("Date", Deposit::depositDate, Formats::date, 95),
                ReconTables.column("Trace", Deposit::traceNumber, s -> s, 150),
                Tables.money("Amount", 100, Deposit::amount)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<AmountMismatch> mismatchTable() {
        TableView<AmountMismatch> t = new TableView<>(vm.mismatches());
        t.setId("amountMismatches");
        t.setPlaceholder(new Label("No trace number with a different amount."));
        t.getColumns().setAll(List.of(
                ReconTables.column("Trace", m -> m.payment().traceNumber(), s -> s, 120),
                Tables.money("835", 100, m -> m.payment().amount()),
                Tables.money("Bank", 100, m -> m.deposit().amount()),
                Tables.money("Difference", 100, AmountMismatch::difference)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    /** Date, amount, trace, method, note; Enter saves, Esc cancels; a problem keeps the dialog open. */
    void showNewDepositDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("New deposit");
        dialog.setHeaderText("Enter the deposit as the bank statement shows it");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        DatePicker date = new DatePicker(vm.today());
        date.setId("depositDate");
        TextField amount = new TextField();
        amount.setId("depositAmount");
        amount.setPromptText("e.g. 1206.82");
        TextField trace = new TextField();
        trace.setId("depositTrace");
        trace.setPromptText("EFT trace or check number (835 TRN02)");
        ComboBox<DepositMethod> method = new ComboBox<>();
        method.getItems().setAll(DepositMethod.values());
        method.setValue(DepositMethod.ACH);
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(DepositMethod m) {
                return m == null ? "" : m.label();
            }

            @Override
            public DepositMethod fromString(String s) {
                return DepositMethod.parse(s);
            }
        });
        TextField note = new TextField();
        note.setId("depositNote");
        Label problem = new Label();
        problem.setId("depositProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("_Date"), date);
        form.addRow(1, new Label("_Amount"), amount);
        form.addRow(2, new Label("_Trace / check #"), trace);
        form.addRow(3, new Label("_Method"), method);
        form.addRow(4, new Label("_Note"), note);
        form.add(problem, 0, 5, 2, 1);
        form.getChildren().stream().filter(n -> n instanceof Label l && l.getText().startsWith("_")).forEach(n -> {
            Label l = (Label) n;
            l.setMnemonicParsing(true);
            l.setLabelFor(form.getChildren().get(form.getChildren().indexOf(n) + 1));
        });
        dialog.getDialogPane().setContent(form);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveDeposit");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String error = vm.add(date.getValue(), amount.getText(), trace.getText(), method.getValue(), note.getText());
            if (error != null) {
                problem.setText(error);
                e.consume();
            }
        });
        dialog.setOnShown(e -> javafx.application.Platform.runLater(amount::requestFocus));
        dialog.showAndWait();
    }

    private void chooseStatement() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a bank statement (CSV)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.importStatement(file.toPath());
        }
    }

    private void voidSelected() {
        Deposit d = deposits.getSelectionModel().getSelectedItem();
        if (d == null || d.voided()) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Void deposit");
        ask.setHeaderText("Void deposit " + d.id() + ": " + d.amount() + ", trace " + d.traceNumber()
                + "?\nThe record stays, marked void. Say why:");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        Optional<String> reason = ask.showAndWait().filter(s -> !s.isBlank());
        reason.ifPresent(r -> vm.voidDeposit(d, r));
    }

    public void focusDeposits() {
        deposits.requestFocus();
    }
}
