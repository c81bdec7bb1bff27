package org.rxledger.app.payers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.StringReader;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.payers.PayersViewModel.PayerRow;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clerk tidies the payer directory on the real shell: Ctrl+6 opens Payers with the search box focused, a
 * search narrows the list, and one PBM known under two names is merged (reason, Ctrl+M, confirm) into one row.
 */
@ExtendWith(ApplicationExtension.class)
class PayersUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        assertThat(new PayerDirectoryService(db.transactions()).importCsv("payers.csv", new StringReader(String.join("\n",
                "payer_name,remit_payer_id,bin,pcn,group_id",
                "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,",
                "Northstar old,,610502,NSOLD,",
                "Coastal Plans,1999999999,004336,ADV,")))).matches(r -> r.succeeded());
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkSearchesAndMergesTwoPayersIntoOne(FxRobot robot) throws TimeoutException {
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        TableView<PayerRow> table = robot.lookup("#payerTable").queryTableView();
        waitUntil(() -> table.getItems().size() >= 3);
        waitUntil(() -> robot.lookup("#payerSearch").query().isFocused());

        robot.write("northstar");
        waitUntil(() -> table.getItems().size() == 2);
        robot.clickOn("Northstar old");
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("Northstar old"));

        ComboBox<PayerRow> target = robot.lookup("#payerTarget").queryComboBox();
        robot.interact(() -> target.setValue(target.getItems().stream()
                .filter(r -> r.name().equals("NORTHSTAR RX BENEFITS")).findFirst().orElseThrow()));
        robot.clickOn("#payerReason").write("same PBM, two names");
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.M);
        waitUntil(() -> FxRobots.showing(robot, "#payerConfirm"));
        robot.type(KeyCode.ENTER);

        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("NORTHSTAR RX BENEFITS");
        assertThat(table.getItems().get(0).routings()).contains("PCN NSOLD");
        assertThat(FxRobots.text(robot, "#payerMessage")).isEqualTo("Northstar old merged into NORTHSTAR RX BENEFITS.");
        assertThat(new PayerDirectoryService(db.transactions()).directory().byName("NORTHSTAR RX BENEFITS").orElseThrow()
                .routings()).hasSize(2);
    }
}
