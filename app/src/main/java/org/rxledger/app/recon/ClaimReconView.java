package org.rxledger.app.recon;

import java.util.List;
import static org.rxledger.app.recon.ReconTables.column;
import static org.rxledger.app.recon.ReconTables.money;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.recon.ReconciliationService.ClaimRecon;

/** The Claims tab: claim-level reconciliation with a status filter, a search field and totals of what is shown. */
public final class ClaimReconView extends BorderPane {

    private final TableView<ClaimRecon> table = new TableView<>();

    public ClaimReconView(ClaimReconViewModel vm) {
        getStyleClass().add("claim-recon-view");
        ComboBox<ReconStatus> status = new ComboBox<>();
        status.setId("reconStatusFilter");
        status.getItems().add(null);
        status.getItems().addAll(ReconStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReconStatus s) {
                return s == null ? "All statuses" : label(s);
            }

            @Override
            public ReconStatus fromString(String text) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setTooltip(new Tooltip("Show claims of one status"));
        TextField search = new TextField();
        search.setId("reconSearch");
        search.setPromptText("Rx number or payer");
        search.textProperty().bindBidirectional(vm.searchProperty());
        Label statusLabel = new Label("_Status");
        statusLabel.setMnemonicParsing(true);
        statusLabel.setLabelFor(status);
        Label searchLabel = new Label("Fin_d");
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);
        Label totals = new Label();
        totals.setId("reconTotals");
        totals.getStyleClass().add(Styles.TEXT_MUTED);
        totals.textProperty().bind(vm.totalsProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, statusLabel, status, searchLabel, search, spacer, totals);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        table.setId("reconClaims");
        table.setItems(vm.claims());
        table.setPlaceholder(new Label("No claim with a receivable matches."));
        TableColumn<ClaimRecon, ReconStatus> statusColumn = new TableColumn<>("Status");
        statusColumn.setCellValueFactory(Cells.value(ClaimRecon::status));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(ReconStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    chip.setText(label(item));
                    chip.getStyleClass().setAll("label", "status-chip", chipClass(item));
                    setGraphic(chip);
                }
            }
        });
        statusColumn.setPrefWidth(110);
        table.getColumns().setAll(List.of(
                column("Rx", ClaimRecon::rx, s -> s, 90),
                column("Fill", ClaimRecon::fill, n -> Integer.toString(n), 45),
                column("DOS", ClaimRecon::dateOfService, Formats::date, 100),
                column("Payer", ClaimRecon::payerName, s -> s, 220),
                money("Expected", ClaimRecon::expected),
                money("Paid", ClaimRecon::paid),
                money("Variance", ClaimRecon::variance),
                column("Lines", ClaimRecon::remitLines, n -> Integer.toString(n), 60),
                statusColumn));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 8, 8, 8));
    }

    static String label(ReconStatus s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Colour-blind-safe tints shared with the claim statuses (UI.md §3: text plus tint). */
    static String chipClass(ReconStatus s) {
        return switch (s) {
            case PAID -> "status-paid";
            case UNDERPAID -> "status-duplicate";
            case OVERPAID -> "status-rebilled";
            case DENIED -> "status-rejected";
            case REVERSED -> "status-reversed";
            case UNPAID -> "status-other";
        };
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
