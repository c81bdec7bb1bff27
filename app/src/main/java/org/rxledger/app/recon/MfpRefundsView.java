package org.rxledger.app.recon;

import static org.rxledger.app.recon.ReconTables.column;
import static org.rxledger.app.recon.ReconTables.money;
import static org.rxledger.app.recon.ReconTables.titled;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.RefundState;

/**
 * The MFP refunds tab: as-of date and filter, one row per eligible fill (expected, received, shortfall, state, due,
 * dispute), how the selected one is worked out, and its dispute. Ctrl+D goes to the dispute reason; Enter there opens
 * the dispute.
 */
public final class MfpRefundsView extends BorderPane {

    static final KeyCombination DISPUTE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final TableView<MfpRefund> table = new TableView<>();

    public MfpRefundsView(MfpRefundsViewModel vm) {
        getStyleClass().add("mfp-refunds-view");
        Label asOfLabel = new Label("_As of");
        asOfLabel.setMnemonicParsing(true);
        DatePicker asOf = new DatePicker();
        asOf.setId("mfpAsOf");
        asOf.setPrefWidth(145);
        ReconTables.isoDates(asOf);
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());
        asOf.setTooltip(new Tooltip("Judge each refund as it stood at the end of this day (due = date of service + 14 days)"));
        asOfLabel.setLabelFor(asOf);
        Label showLabel = new Label("_Show");
        showLabel.setMnemonicParsing(true);
        ComboBox<MfpRefundsViewModel.Show> show = new ComboBox<>();
        show.setId("mfpShow");
        show.getItems().setAll(MfpRefundsViewModel.Show.values());
        show.valueProperty().bindBidirectional(vm.showProperty());
        showLabel.setLabelFor(show);
        Button reload = new Button("Reload");
        reload.setId("mfpReload");
        reload.setTooltip(new Tooltip("Record MTF 835s imported since, and judge again"));
        reload.setOnAction(e -> vm.reload());
        Button packet = new Button("Dispute packet…");
        packet.setId("mfpDisputePacket");
        packet.setTooltip(new Tooltip("Write the selected refund's manufacturer a dispute packet: PDF of its short, "
                + "missing and disputed claims, and the CSV beside it (recorded as a disclosure)"));
        packet.disableProperty().bind(vm.selectedProperty().isNull());
        packet.setOnAction(e -> {
            MfpRefund r = vm.selectedProperty().get();
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save the dispute packet as");
            chooser.setInitialFileName("mfp-dispute-" + r.manufacturer().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    + ".pdf");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.disputePacket(f.toPath());
            }
        });
        Label summary = new Label();
        summary.setId("mfpSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, asOfLabel, asOf, showLabel, show, reload, packet, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        table.setId("mfpTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No MFP refund to show. Import the price list (rxledger mfp prices import) and mark "
                + "the Part D routings and the MTF (rxledger mfp part-d, rxledger mfp mtf)."));
        table.getColumns().add(column("Rx-fill", MfpRefund::rxFill, s -> s, 95));
        table.getColumns().add(column("Date of service", MfpRefund::dateOfService, Formats::date, 118));
        table.getColumns().add(column("NDC", MfpRefund::ndc, Formats::ndc, 115));
        table.getColumns().add(column("Manufacturer", MfpRefund::manufacturer, s -> s, 170));
        table.getColumns().add(column("Qty", MfpRefund::quantity, Formats::quantity, 55));
        table.getColumns().add(money("Expected", MfpRefund::expected));
        table.getColumns().add(money("Received", MfpRefund::received));
        table.getColumns().add(money("Shortfall", MfpRefund::shortfall));
        TableColumn<MfpRefund, RefundState> state = new TableColumn<>("State");
        state.setCellValueFactory(Cells.value(MfpRefund::state));
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(85);
        table.getColumns().add(state);
        table.getColumns().add(column("Due", MfpRefund::due, Formats::date, 95));
        table.getColumns().add(column("Work", r -> r.workItem() == null ? "" : r.workItem().label(), s -> s, 170));
        table.getColumns().add(column("Dispute", r -> r.dispute() == null ? "" : "#" + r.dispute().id() + " "
                + r.dispute().status().name().toLowerCase(Locale.ROOT), s -> s, 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Tables.followSelection(table, vm.selectedProperty());

        Label detail = new Label();
        detail.setId("mfpDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.detailProperty());

        TextField reason = new TextField();
        reason.setId("mfpDisputeReason");
        reason.setPromptText("Reason, e.g. short paid / not received");
        reason.setPrefColumnCount(22);
        reason.textProperty().bindBidirectional(vm.disputeReasonProperty());
        reason.setOnAction(e -> vm.openDispute());
        TextField note = new TextField();
        note.setId("mfpDisputeNote");
        note.setPromptText("Note (kept in the audit trail)");
        note.setPrefColumnCount(24);
        note.textProperty().bindBidirectional(vm.disputeNoteProperty());
        Button open = new Button("Open dispute");
        open.setId("mfpOpenDispute");
        open.setTooltip(new Tooltip("Open a dispute of the selected short or missing refund (Enter in the reason)"));
        open.disableProperty().bind(vm.canOpenDispute().not());
        open.setOnAction(e -> vm.openDispute());
        Button submitted = new Button("Submitted");
        submitted.setId("mfpDisputeSubmitted");
        submitted.setTooltip(new Tooltip("The dispute was sent to the MTF complaint and dispute intake"));
        submitted.disableProperty().bind(vm.canMoveDispute().not());
        submitted.setOnAction(e -> vm.markSubmitted());
        TextField agreed = new TextField();
        agreed.setId("mfpAgreedAmount");
        agreed.setPromptText("Agreed amount");
        agreed.setPrefColumnCount(8);
        agreed.textProperty().bindBidirectional(vm.resolvedAmountProperty());
        agreed.disableProperty().bind(vm.canMoveDispute().not());
        agreed.setOnAction(e -> vm.resolve());
        Button resolve = new Button("Resolve");
        resolve.setId("mfpResolve");
        resolve.setTooltip(new Tooltip("Close the dispute with the amount the manufacturer agreed (0.00 if refused)"));
        resolve.disableProperty().bind(vm.canMoveDispute().not());
        resolve.setOnAction(e -> vm.resolve());
        Label disputeLabel = new Label("Dispute (Ctrl+D)");
        disputeLabel.getStyleClass().add(Styles.TEXT_BOLD);
        HBox dispute = new HBox(8, disputeLabel, reason, note, open, submitted, agreed, resolve);
        dispute.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, detail, dispute);
        bottom.setPadding(new Insets(6, 8, 8, 8));

        setCenter(titled("Refunds owed by manufacturers for selected Part D drugs (standard default unless the "
                + "manufacturer's own amount)", table));
        setBottom(bottom);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (DISPUTE.match(e)) {
                reason.requestFocus();
                e.consume();
            }
        });
    }

    /** The state as a chip: text plus tint, never colour alone (UI.md). */
    private static final class StateCell extends TableCell<MfpRefund, RefundState> {
        private final Label label = new Label();

        @Override
        protected void updateItem(RefundState item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText(item.label());
            label.getStyleClass().setAll("label", "status-chip", switch (item) {
                case PAID -> "status-paid";
                case SHORT, MISSING -> "status-rejected";
                case LATE, OVERPAID -> "status-duplicate";
                case REVERSED, WRITTEN_OFF -> "status-reversed";
                case EXPECTED -> "status-rebilled";
            });
            setGraphic(label);
        }
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }
}
