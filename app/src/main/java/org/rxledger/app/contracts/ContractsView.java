package org.rxledger.app.contracts;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.contract.ContractTerms;

/**
 * The Contracts screen: open contract and MAC change notices with Acknowledge, then tabs for the underpaid claims,
 * the contract versions and the price files imported. Binds only; imports run from the command line for now
 * ({@code rxledger contracts import}, {@code rxledger prices import}).
 */
public final class ContractsView extends BorderPane {

    private final ContractsViewModel vm;

    public ContractsView(ContractsViewModel vm) {
        this.vm = vm;
        setId("contractsView");

        Label title = new Label("Contracts");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = new Label("Each paid claim priced under the contract in force on its date of service. A new contract "
                + "version or MAC list is priced on the last 90 days of claims; its notice stays here until acknowledged.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);

        ListView<ContractRepository.Notice> notices = new ListView<>(vm.openNotices());
        notices.setId("contractNotices");
        notices.setPrefHeight(140);
        notices.setPlaceholder(new Label("No open change notices."));
        notices.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ContractRepository.Notice n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.subject() + "\n" + n.summary());
                setWrapText(true);
            }
        });
        notices.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedNoticeProperty().set(now);
            }
        });
        Button acknowledge = new Button("Acknowledge");
        acknowledge.setId("contractAcknowledge");
        acknowledge.getStyleClass().add(Styles.ACCENT);
        acknowledge.disableProperty().bind(vm.selectedNoticeProperty().isNull());
        acknowledge.setOnAction(e -> vm.acknowledge());
        Label message = new Label();
        message.setId("contractMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());

        TableView<ContractCheck> underpaid = new TableView<>(vm.underpaid());
        underpaid.setId("contractUnderpaid");
        underpaid.setPlaceholder(new Label("No claim paid below its contract."));
        underpaid.getColumns().add(Tables.column("Rx-fill", 110, c -> c.claim().rx() + "-" + String.format("%02d", c.claim().fill())));
        underpaid.getColumns().add(Tables.column("DOS", 100, c -> c.claim().dateOfService().toString()));
        underpaid.getColumns().add(Tables.column("Payer", 180, c -> c.claim().payer()));
        underpaid.getColumns().add(Tables.column("Expected by contract", 140, c -> c.expectation().expected().toString()));
        underpaid.getColumns().add(Tables.column("Paid", 90, c -> c.claim().paid().toString()));
        underpaid.getColumns().add(Tables.column("Shortfall", 90, c -> c.shortfall().toString()));
        underpaid.getColumns().add(Tables.column("Formula and prices", 520, c -> c.expectation().working()));

        underpaid.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedUnderpaidProperty().set(now));
        Button appeal = new Button("MAC appeal…");
        appeal.setId("contractMacAppeal");
        appeal.setTooltip(new Tooltip("Write the selected claim's MAC appeal to its payer: PDF with the MAC price, NADAC, "
                + "invoice cost and shortfall (recorded as a disclosure)"));
        appeal.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !ContractsViewModel.macPriced(vm.selectedUnderpaidProperty().get()), vm.selectedUnderpaidProperty()));
        appeal.setOnAction(e -> {
            ContractCheck c = vm.selectedUnderpaidProperty().get();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the MAC appeal as");
            chooser.setInitialFileName("mac-appeal-" + c.claim().rx() + "-" + c.claim().fill() + ".pdf");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.macAppeal(f.toPath());
            }
        });
        VBox.setVgrow(underpaid, Priority.ALWAYS);
        VBox underpaidTab = new VBox(6, appeal, underpaid);
        underpaidTab.setPadding(new Insets(6, 0, 0, 0));

        TableView<ContractTerms> versions = new TableView<>(vm.versions());
        versions.setId("contractVersions");
        versions.setPlaceholder(new Label("No contracts yet: rxledger contracts import FILE.csv"));
        versions.getColumns().add(Tables.column("Contract", 160, ContractTerms::contractName));
        versions.getColumns().add(Tables.column("Payer", 180, ContractTerms::payerName));
        versions.getColumns().add(Tables.column("Routing", 200, v -> v.routing().label()));
        versions.getColumns().add(Tables.column("From", 100, v -> v.effectiveFrom().toString()));
        versions.getColumns().add(Tables.column("Brand", 150, v -> v.brand().label()));
        versions.getColumns().add(Tables.column("Generic", 150, v -> v.generic().label()));
        versions.getColumns().add(Tables.column("MAC list", 100, ContractTerms::macList));
        versions.getColumns().add(Tables.column("Lesser of", 80, v -> v.lesserOfUc() ? "U&C/subm." : "—"));
        versions.getColumns().add(Tables.column("Fees", 180, v -> "tx " + v.transactionFee().toPlainString() + ", post "
                + v.postAdjPercent().stripTrailingZeros().toPlainString() + "% + " + v.postAdjFlat().toPlainString()));

        TableView<ContractRepository.PriceImport> prices = new TableView<>(vm.priceImports());
        prices.setId("contractPrices");
        prices.setPlaceholder(new Label("No price files yet: rxledger prices import --kind mac|nadac|awp|wac|invoice FILE"));
        prices.getColumns().add(Tables.column("Kind", 80, p -> p.kind().name()));
        prices.getColumns().add(Tables.column("File", 300, ContractRepository.PriceImport::fileName));
        prices.getColumns().add(Tables.column("Rows added", 100, p -> String.format("%,d", p.rows())));
        prices.getColumns().add(Tables.column("Imported", 200, p -> p.at().toString()));
        prices.getColumns().add(Tables.column("By", 120, ContractRepository.PriceImport::by));

        TabPane tabs = new TabPane(new Tab("Underpaid", underpaidTab), new Tab("Contract versions", versions),
                new Tab("Price lists", prices));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label noticesTitle = new Label("Change notices");
        noticesTitle.getStyleClass().add(Styles.TITLE_4);
        VBox center = new VBox(6, title, help, noticesTitle, notices, acknowledge, message, tabs);
        center.setPadding(new Insets(8, 12, 8, 12));
        setCenter(center);
    }

    public void reload() {
        vm.reload();
    }

}
