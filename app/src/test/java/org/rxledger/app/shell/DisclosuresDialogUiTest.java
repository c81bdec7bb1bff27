package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.FxTaskRunner;
import org.rxledger.app.testdata.FxWait;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reporting.DisclosureAccounting;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16 item 6: the accounting of disclosures names the patients, filters by patient and exports CSV. */
@ExtendWith(ApplicationExtension.class)
class DisclosuresDialogUiTest {

    @TempDir
    Path dir;

    private Database db;
    private FxTaskRunner runner;
    private DisclosureAccounting accounting;
    private Dialog<Void> dialog;
    private SampleOffice office;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        Patient smith = office.patients().get(0);
        Patient garcia = office.patients().get(2);
        db.transactions().inTransaction(tx -> {
            tx.port(DisclosureLog.class).record(Disclosure.Kind.AUDIT_PACKET, "ACME PBM", "audit A-123",
                    List.of(smith.id(), garcia.id()));
            tx.port(DisclosureLog.class).record(Disclosure.Kind.EOB, "Second Plan COB", "EOB trace EFT0314A77",
                    List.of(garcia.id()));
            return null;
        });
        db.transactions().signIn(new Session("ava", "Ava Auditor", Set.of(Role.AUDIT_COORDINATOR), "ws-7",
                java.time.Instant.now()));
        runner = new FxTaskRunner();
        accounting = new DisclosureAccounting(db.transactions(), java.time.ZoneId.systemDefault());
        ShellView.applyTheme(false); // the theme's 600 px cap on dialogs is what made this one too narrow
        // TestFX shares one stage across test classes: one that opened the workstation left it maximized, 900 px min
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.setWidth(400);
        stage.setHeight(300);
        stage.show();
        dialog = DisclosuresDialog.show(stage, accounting, runner);
    }

    @AfterEach
    void close() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitUntil(() -> !runner.status().runningProperty().get());
        runner.close();
        db.close();
    }

    @Test
    void listsEveryDisclosureWithItsPatientsByNameFiltersByPatientAndExports(FxRobot robot) throws Exception {
        TableView<DisclosureAccounting.Row> table = robot.lookup("#disclosuresTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#disclosuresCount").queryAs(Label.class).getText()).isEqualTo("2 disclosures");
        assertThat(table.getItems().get(0).patients()).containsExactly("SMITH, JOHN", "GARCIA, MARIA");
        assertThat(table.getItems().get(0).disclosure().recipient()).isEqualTo("ACME PBM");

        @SuppressWarnings("unchecked")
        ComboBox<Patient> patient = robot.lookup("#disclosuresPatient").queryAs(ComboBox.class);
        waitUntil(() -> patient.getItems().size() > 1);
        robot.interact(() -> patient.setValue(office.patients().get(0)));
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).disclosure().reference()).isEqualTo("audit A-123");

        Path csv = dir.resolve("smith.csv");
        robot.interact(() -> DisclosuresDialog.exportTo(accounting, runner, List.copyOf(table.getItems()), csv));
        waitUntil(() -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(2).last().asString()
                .contains("clerk1", "audit_packet", "ACME PBM", "audit A-123", "SMITH, JOHN; GARCIA, MARIA");
        robot.interact(dialog::close);
    }

    @Test
    void atFourteenFortyPixelsEveryColumnHasItsWidthAndTheDialogResizes(FxRobot robot) {
        TableView<DisclosureAccounting.Row> table = robot.lookup("#disclosuresTable").queryTableView();
        double columns = table.getColumns().stream().mapToDouble(c -> c.getPrefWidth()).sum();
        assertThat(DisclosuresDialog.tableWidthFor(1440)).isGreaterThanOrEqualTo(columns);
        assertThat(table.getPrefWidth()).isEqualTo(DisclosuresDialog.tableWidthFor(400)).isLessThan(columns);
        assertThat(dialog.isResizable()).isTrue();
        assertThat(dialog.getDialogPane().getMaxWidth()).as("not the theme's 600 px").isGreaterThan(DisclosuresDialog
                .tableWidthFor(1440));
        assertThat(dialog.getWidth()).as("no wider than its window").isLessThanOrEqualTo(400.0);
        robot.interact(dialog::close);
    }
}
