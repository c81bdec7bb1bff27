package org.rxledger.app.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.app.shell.WorkstationSetup;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.audit.AuditCaseOverview;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit coordinator's flow on the real shell: open the Audits area, create a case from the
 * keyboard (one claim not on file), generate its packet and find the PDF in the data folder.
 */
@ExtendWith(ApplicationExtension.class)
class AuditsUiTest {

    private Database db;
    private TestWorkstation workstation;
    private Path dataDir;

    @Start
    void start(Stage stage) throws IOException {
        dataDir = Files.createTempDirectory("rxledger-audits-ui");
        db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            aPaidClaim(office).rx("7001500").fill(0).dateOfService(LocalDate.parse("2025-03-04")).record(tx);
            return null;
        });
        workstation = TestWorkstation.show(stage, new WorkstationSetup(db.transactions(), TestStores.CLERK, dataDir,
                () -> false, OfficeSeeder.NONE, Settings.inMemory()), db::close);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void coordinatorCreatesACaseFromTheKeyboardAndGeneratesItsPacket(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        TableView<AuditCaseOverview> cases = robot.lookup("#auditCases").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#auditPbm").tryQuery().map(n -> n.isFocused()).orElse(false));
        // typed characters go to TestFX's target window: the dialog, not the main stage
        javafx.stage.Window main = cases.getScene().getWindow();
        robot.targetWindow(robot.lookup("#auditPbm").query().getScene().getWindow());
        robot.write("ACME Audit Services");
        robot.type(KeyCode.TAB).write("A-77");
        robot.type(KeyCode.TAB);                       // type: Desk (default)
        robot.type(KeyCode.TAB).write("2025-03-15");   // letter date (selected on entry, replaced)
        robot.type(KeyCode.TAB).write("2025-03-22");   // due date: 2 days after the test clock's today
        robot.type(KeyCode.TAB).write("J. Auditor, fax 555-0199");
        robot.type(KeyCode.TAB).write("7001234, 2, 2025-03-03\n7001500 0 03/04/2025\n9999999, 1, 2025-02-01");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.targetWindow(main);

        try {
            waitUntil(() -> cases.getItems().size() == 1);
        } catch (TimeoutException e) {
            throw new AssertionError("no case was created; dialog says: "
                    + robot.lookup("#auditProblems").tryQueryAs(Label.class).map(Label::getText).orElse("(closed)")
                    + " fields: " + java.util.stream.Stream.of("#auditPbm", "#auditIdField", "#auditLetterDate", "#auditDueDate",
                            "#auditContact").map(id -> id + "=" + robot.lookup(id).tryQueryAs(javafx.scene.control.TextField.class)
                            .map(javafx.scene.control.TextField::getText).orElse("?")).toList(), e);
        }
        AuditCaseOverview created = cases.getItems().get(0);
        assertThat(created.auditCase().auditId()).isEqualTo("A-77");
        assertThat(created.requestedClaims()).isEqualTo(3);
        assertThat(created.unknownClaims()).isEqualTo(1);
        assertThat(created.dueSoon()).isTrue();
        waitUntil(() -> robot.lookup("#auditTitle").queryAs(Label.class).getText().equals("Audit A-77 · ACME Audit Services"));
        TableView<AuditsViewModel.LineRow> lines = robot.lookup("#auditLines").queryTableView();
        waitUntil(() -> lines.getItems().size() == 3);
        assertThat(lines.getItems()).extracting(AuditsViewModel.LineRow::onFile).containsExactly(true, true, false);

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#packetInfo").queryAs(Label.class).getText().contains("pages ·"));
        Path pdf = dataDir.resolve("packets").resolve("A-77-packet.pdf");
        assertThat(pdf).exists();
        String info = robot.lookup("#packetInfo").queryAs(Label.class).getText();
        int pages = Integer.parseInt(info.substring(0, info.indexOf(' ')));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Audit A-77 · page 1 of " + pages, "ACME Audit Services", "9999999");
        }
        assertThat(robot.lookup("#printPacket").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#openPacket").queryButton().isDisabled()).isFalse();
    }

    @Test
    void cancellingAFilledNewCaseAsksBeforeThrowingTheLetterAway(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        TableView<AuditCaseOverview> cases = robot.lookup("#auditCases").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window main = cases.getScene().getWindow();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#auditPbm").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.targetWindow(robot.lookup("#auditPbm").query().getScene().getWindow());
        robot.write("ACME Audit Services");

        // Esc (as Cancel, or Space on a focused Cancel) asks; Enter keeps the work
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> FxRobots.showing(robot, "#discardAuditCase"));
        robot.targetWindow(robot.lookup("#discardAuditCase").query().getScene().getWindow());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !FxRobots.showing(robot, "#discardAuditCase"));
        assertThat(FxRobots.showing(robot, "#newAuditDialog")).isTrue();
        assertThat(robot.lookup("#auditPbm").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("ACME Audit Services");

        // the Cancel button asks too; Discard closes the form
        javafx.scene.Node cancel = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                && b.isCancelButton() && "Cancel".equals(b.getText())).query();
        robot.targetWindow(cancel.getScene().getWindow());
        robot.clickOn(cancel);
        waitUntil(() -> FxRobots.showing(robot, "#discardAuditCase"));
        FxRobots.click(robot, "#discardAuditCaseYes");
        waitUntil(() -> !FxRobots.showing(robot, "#newAuditDialog"));
        robot.targetWindow(main);
        assertThat(cases.getItems()).isEmpty();
    }

    @Test
    void cancellingAnUntouchedNewCaseClosesAtOnce(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#auditPbm").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.targetWindow(robot.lookup("#auditPbm").query().getScene().getWindow());

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> !FxRobots.showing(robot, "#newAuditDialog"));
        assertThat(FxRobots.showing(robot, "#discardAuditCase")).isFalse();
    }
}
