package org.rxledger.app.claims;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rxledger.app.claims.ClaimDetail.Field;
import org.rxledger.app.claims.ClaimDetail.LedgerLine;
import org.rxledger.app.claims.ClaimDetail.Section;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.StatusLabels;

/**
 * Lays out a {@link ClaimDetail}: a header, then each section as label/value rows, then the ledger.
 * Values are read-only text fields so a clerk can select and copy them.
 */
public final class ClaimDetailView extends VBox {

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final HBox statusBox = new HBox();
    private final VBox body = new VBox(10);
    private final Label placeholder = new Label();
    private java.util.function.Predicate<javafx.scene.input.KeyEvent> shortcuts = e -> false;

    public ClaimDetailView(ClaimDetailViewModel vm, Runnable close) {
        setId("claimDetail");
        getStyleClass().add("claim-detail");
        setMinWidth(340);

        title.setId("claimDetailTitle");
        title.getStyleClass().addAll(Styles.TITLE_4, "detail-title");
        subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, "detail-subtitle");
        subtitle.setWrapText(true);
        Button closeButton = new Button("✕");
        closeButton.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        closeButton.setTooltip(new Tooltip("Close details (Esc in the table)"));
        closeButton.setOnAction(e -> close.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(8, title, statusBox, busy, spacer, closeButton);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox actions = actions(vm);
        VBox header = new VBox(4, titleRow, subtitle, actions);
        header.setPadding(new Insets(8, 10, 8, 12));
        header.getStyleClass().add("detail-header");

        body.setPadding(new Insets(6, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.visibleProperty().bind(vm.detailProperty().isNull().and(vm.loadingProperty().not()));
        StackPane content = new StackPane(scroll, placeholder);
        StackPane.setAlignment(placeholder, Pos.TOP_LEFT);
        StackPane.setMargin(placeholder, new Insets(12));
        scroll.visibleProperty().bind(vm.detailProperty().isNotNull());
        header.visibleProperty().bind(vm.detailProperty().isNotNull());
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(header, content);

        vm.detailProperty().addListener((o, was, now) -> show(now));
        show(vm.detailProperty().get());
    }

    /** Reverse, rebill, paper and print: each with a shortcut shown in its tooltip. */
    private HBox actions(ClaimDetailViewModel vm) {
        Button reverse = action("Reverse…", "claimReverse", "B2 reversal: return to stock, billing error, wrong payer (Ctrl+Shift+V)", () -> {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("return to stock");
            ask.setTitle("Reverse claim");
            ask.setHeaderText("Reverse " + title.getText() + " (B2)? Its receivables are reversed in the ledger; nothing is deleted.");
            ask.setContentText("Reason:");
            if (getScene() != null) {
                ask.initOwner(getScene().getWindow());
            }
            ask.showAndWait().ifPresent(vm::reverse);
        });
        Button rebill = action("Rebill…", "claimRebill", "B3 rebill: correct the claim in charge entry and bill it again (Ctrl+B)", vm::rebill);
        Button correct = action("Correct…", "claimCorrect", "Correct billing data in charge entry; each change is audited with before and after (Ctrl+E)", vm::correct);
        Button paper = action("Mark paper", "claimPaper", "Billed on a paper UCF: no authorization number; stays in A/R", vm::markPaper);
        Button ucf = action("Print UCF", "claimPrintUcf", "Paper-claim sheet with the Universal Claim Form fields (PDF) (Ctrl+P)", vm::printUcf);
        Button receipt = action("Print receipt", "claimPrintReceipt", "Itemised receipt for direct member reimbursement (PDF)", vm::printReceipt);
        shortcuts = e -> {
            if (REVERSE.match(e)) {
                reverse.fire();
            } else if (REBILL.match(e)) {
                rebill.fire();
            } else if (CORRECT.match(e)) {
                correct.fire();
            } else if (PRINT.match(e)) {
                ucf.fire();
            } else {
                return false;
            }
            return true;
        };
        HBox box = new HBox(6, reverse, rebill, correct, paper, ucf, receipt);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * The open claim's shortcuts (Ctrl+Shift+V, Ctrl+B, Ctrl+E, Ctrl+P); true when the key was one. The claims
     * browser asks this for keys pressed anywhere in it, so they work while the focus is still in the list.
     */
    public boolean shortcut(javafx.scene.input.KeyEvent e) {
        return shortcuts.test(e);
    }

    static final javafx.scene.input.KeyCombination REVERSE = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.V,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN);
    static final javafx.scene.input.KeyCombination REBILL = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.B,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    static final javafx.scene.input.KeyCombination CORRECT = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.E,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    static final javafx.scene.input.KeyCombination PRINT = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.P,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private static Button action(String text, String id, String tip, Runnable run) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> run.run());
        return b;
    }

    private void show(ClaimDetail detail) {
        body.getChildren().clear();
        statusBox.getChildren().clear();
        if (detail == null) {
            title.setText("");
            subtitle.setText("");
            return;
        }
        title.setText(detail.title());
        subtitle.setText(detail.subtitle());
        statusBox.getChildren().add(StatusLabels.of(detail.status()));
        // sections flow into three columns, each into the currently shortest one
        VBox[] columns = {new VBox(8), new VBox(8), new VBox(8)};
        int[] rows = new int[columns.length];
        for (Section section : detail.sections()) {
            int shortest = 0;
            for (int i = 1; i < columns.length; i++) {
                shortest = rows[i] < rows[shortest] ? i : shortest;
            }
            columns[shortest].getChildren().add(section(section));
            rows[shortest] += section.fields().size() + 1;
        }
        HBox grid = new HBox(24, columns);
        for (VBox column : columns) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(300);
            column.setPrefWidth(420);
        }
        body.getChildren().addAll(grid, ledger(detail));
    }

    private static VBox section(Section section) {
        GridPane grid = grid();
        int row = 0;
        for (Field field : section.fields()) {
            Label label = new Label(field.label());
            label.getStyleClass().add("field-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            TextField value = new TextField(field.value());
            value.setEditable(false);
            value.setFocusTraversable(false);
            value.getStyleClass().addAll("field-value", "kind-" + field.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            value.setTooltip(new Tooltip(field.label() + ": " + field.value()));
            grid.addRow(row++, label, value);
        }
        return titled(section.title(), grid);
    }

    private static VBox ledger(ClaimDetail detail) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.getStyleClass().add("ledger-grid");
        ColumnConstraints date = new ColumnConstraints();
        ColumnConstraints account = new ColumnConstraints();
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(HPos.RIGHT);
        amount.setMinWidth(70);
        ColumnConstraints memo = new ColumnConstraints();
        memo.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(date, account, amount, memo);
        grid.addRow(0, head("Date"), head("Account"), head("Amount"), head("Memo"));
        int row = 1;
        for (LedgerLine line : detail.ledger()) {
            Label amountLabel = new Label(line.amount());
            amountLabel.getStyleClass().add("money");
            amountLabel.pseudoClassStateChanged(Cells.NEGATIVE, line.negative());
            grid.addRow(row++, new Label(line.date()), new Label(line.account()), amountLabel, new Label(line.memo()));
        }
        Label none = new Label("No ledger entries: a rejected claim moves no money.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setVisible(detail.ledger().isEmpty());
        none.setManaged(detail.ledger().isEmpty());
        return titled("Ledger", new VBox(4, grid, none));
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(118);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    private static VBox titled(String text, javafx.scene.Node content) {
        Label heading = new Label(text);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(4, heading, content);
        box.getStyleClass().add("detail-section");
        return box;
    }
}
