package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.search.SearchHit;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The clerk's main flow on the real shell, a real H2 database and the real background runner. */
@ExtendWith(ApplicationExtension.class)
class WorkstationUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new org.rxledger.core.reference.Pharmacy("Main Street Pharmacy", "1234567893",
                    "0312345", "12 Main St", "Springfield", "IL", "62701", "217-555-0100"));
            var smith = office.patients().get(0);
            var smithers = office.patients().get(1);
            var garcia = office.patients().get(2);
            aPaidClaim(office).rx("7001234").fill(2).patient(smith).daw("1")
                    .dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            aPaidClaim(office).rx("7001299").patient(smithers).daw("1").plan(office.plans().get(1))
                    .dateOfService(LocalDate.parse("2025-03-10")).rejected("75").record(tx);
            aPaidClaim(office).rx("8100001").patient(garcia).dateOfService(LocalDate.parse("2025-02-27")).record(tx);
            aPaidClaim(office).rx("8100002").patient(garcia).dateOfService(LocalDate.parse("2025-02-20")).record(tx);
            aPaidClaim(office).rx("8100003").patient(garcia).dateOfService(LocalDate.parse("2025-02-13")).reversed().record(tx);
            return null;
        });
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void clerkFiltersTheClaimsOpensOneWithTheKeyboardAndSeesItsDetails(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        assertThat(robot.lookup("#claimsCount").queryAs(Label.class).getText()).isEqualTo("5 claims");
        assertThat(robot.lookup("#statusClaimCount").queryAs(Label.class).getText()).isEqualTo("5 claims");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("smith");
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#claimsCount").queryAs(Label.class).getText()).isEqualTo("2 of 5 claims");

        robot.type(KeyCode.DOWN);   // from the filter field into the table: first row
        robot.type(KeyCode.DOWN);   // second row
        WaitForAsyncUtils.waitForFxEvents();
        ClaimSummary chosen = table.getSelectionModel().getSelectedItem();
        assertThat(chosen.rxNumber()).isEqualTo("7001234");

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#claimDetailTitle").tryQueryAs(Label.class)
                .map(l -> l.getText().equals("Rx 7001234-02")).orElse(false));
        Node detail = robot.lookup("#claimDetail").query();
        // the title can show before the fields are laid out on a loaded machine: wait for them too
        waitUntil(() -> robot.from(detail).lookup((Node n) -> n instanceof TextField t
                && t.getText().equals("1 — Prescriber did not allow substitution")).tryQuery().isPresent());
        assertThat(robot.from(detail).lookup((Node n) -> n instanceof TextField t
                && t.getText().equals("SMITH, JOHN")).tryQuery()).isPresent();
    }

    @Test
    void searchWithCtrlKListsTheClaimsOfAnRxPrefixAndEnterOpensTheFirst(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        ListView<SearchHit> results = robot.lookup("#searchResults").queryListView();
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("81000");
        waitUntil(() -> results.isVisible() && results.getItems().size() == 3);
        assertThat(results.getItems()).extracting(SearchHit::title)
                .containsExactly("Rx 8100001-01", "Rx 8100002-01", "Rx 8100003-01");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem().rxNumber()).isEqualTo("8100001");
        assertThat(table.isFocused()).isTrue();
        assertThat(robot.lookup("#quickSearch").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#claimsFilter").queryAs(TextField.class).getText()).isEqualTo("81000");
        assertThat(table.getItems()).hasSize(3);
        assertThat(results.isVisible()).isFalse();
    }

    @Test
    void searchStartedInAnotherAreaKeepsEveryKeystrokeAndStaysThereUntilEnter(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(() -> vm.areaProperty().get() == Area.AUDITS);

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.K);
        robot.write("8100002");

        ListView<SearchHit> results = robot.lookup("#searchResults").queryListView();
        waitUntil(() -> results.getItems().size() == 1);
        assertThat(robot.lookup("#quickSearch").queryAs(TextField.class).getText()).isEqualTo("8100002");
        assertThat(vm.areaProperty().get()).isEqualTo(Area.AUDITS);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> vm.areaProperty().get() == Area.CLAIMS && table.getItems().size() == 1);
        assertThat(table.getSelectionModel().getSelectedItem().rxNumber()).isEqualTo("8100002");
    }

    @Test
    void aTraceNumberTypedInTheSearchOpensItsPaymentInRemittances(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        long paymentId = TestStores.importSample835(db).payments().get(0).paymentId();
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.K);
        robot.write("EFT0314A77");
        ListView<SearchHit> results = robot.lookup("#searchResults").queryListView();
        waitUntil(() -> results.getItems().stream().anyMatch(h -> h.kind() == SearchHit.Kind.PAYMENT));
        assertThat(results.getItems().get(0).title()).isEqualTo("Trace EFT0314A77");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> vm.areaProperty().get() == Area.REMITTANCES
                && vm.remittances().selectedPaymentProperty().get() != null
                && vm.remittances().selectedPaymentProperty().get().paymentId() == paymentId);
    }

    @Test
    void aPatientChosenWithTheArrowKeysOpensInPatientAccounts(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.K);
        robot.write("garcia");
        ListView<SearchHit> results = robot.lookup("#searchResults").queryListView();
        waitUntil(() -> results.getItems().stream().anyMatch(h -> h.kind() == SearchHit.Kind.PATIENT));
        robot.type(KeyCode.UP); // from the first result round to the last: the patient, after the claims
        WaitForAsyncUtils.waitForFxEvents();
        SearchHit patient = results.getSelectionModel().getSelectedItem();
        assertThat(patient.kind()).isEqualTo(SearchHit.Kind.PATIENT);
        assertThat(patient.title()).isEqualTo("GARCIA, MARIA");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> vm.areaProperty().get() == Area.PATIENT_ACCOUNTS
                && vm.collections().selectedProperty().get() != null
                && vm.collections().selectedProperty().get().key().equals(patient.key()));
    }

    @Test
    void f1OpensTheGuideOnTheCurrentAreaSearchableAndNoTallerThanTheScreen(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        ShellView shell = (ShellView) robot.lookup("#notice").query().getScene().getRoot();
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT7);
        waitUntil(() -> shell.viewModel().areaProperty().get() == Area.PATIENT_ACCOUNTS);

        robot.type(KeyCode.F1);

        waitUntil(() -> shell.help() != null && shell.help().stage().isShowing());
        ListView<HelpPages.Page> pages = robot.lookup("#helpPages").queryListView();
        assertThat(pages.getSelectionModel().getSelectedItem().title()).isEqualTo("Patient accounts");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(shell.help().stage().getHeight()).isLessThanOrEqualTo(screen.getHeight());

        robot.interact(() -> robot.lookup("#helpSearch").queryAs(TextField.class).setText("packet"));
        assertThat(pages.getItems()).extracting(HelpPages.Page::name).startsWith("audits", "shortcuts")
                .doesNotContain("claims", "payers");
        assertThat(robot.lookup("#helpBody").queryAs(javafx.scene.text.TextFlow.class).getChildren())
                .anySatisfy(n -> assertThat(((javafx.scene.text.Text) n).getText()).contains("Ctrl+G generates the packet"));
        robot.interact(() -> shell.help().stage().close());
    }

    @Test
    void theDemoNoticeCollapsesToItsHeadingOnceTheClerkMovesOn(FxRobot robot) throws TimeoutException {
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();
        robot.interact(() -> vm.notify(Notice.info("Demo office created", "This is a new data folder: a demo office.")));
        waitUntil(() -> bannerTitle(robot).equals("Demo office created"));
        atlantafx.base.controls.Message banner = robot.lookup("#notice").queryAs(atlantafx.base.controls.Message.class);
        assertThat(banner.getDescription()).isEqualTo("This is a new data folder: a demo office.");

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(() -> banner.getDescription() == null);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getTitle()).isEqualTo("Demo office created");
    }

    @Test
    void splitPaneDividersAreRememberedPerArea(FxRobot robot) {
        org.rxledger.app.settings.Settings settings = org.rxledger.app.settings.Settings.inMemory();
        robot.interact(() -> {
            javafx.scene.control.SplitPane first = new javafx.scene.control.SplitPane(new Label("a"), new Label("b"));
            org.rxledger.app.ui.SplitPanes.remember("AUDITS", new javafx.scene.layout.VBox(first), settings);
            first.setDividerPositions(0.25);
        });
        assertThat(settings.get("layout.AUDITS.split0", "")).isEqualTo("0.250");
        javafx.scene.control.SplitPane again = new javafx.scene.control.SplitPane(new Label("a"), new Label("b"));
        robot.interact(() -> org.rxledger.app.ui.SplitPanes.remember("AUDITS", new javafx.scene.layout.VBox(again), settings));
        assertThat(again.getDividerPositions()).containsExactly(0.25);
        javafx.scene.control.SplitPane other = new javafx.scene.control.SplitPane(new Label("a"), new Label("b"));
        robot.interact(() -> org.rxledger.app.ui.SplitPanes.remember("CLAIMS", new javafx.scene.layout.VBox(other), settings));
        assertThat(other.getDividerPositions()).containsExactly(0.5);
    }

    @Test
    void ctrlShiftDTurnsTheDarkThemeOnAndOffAgain(FxRobot robot) throws TimeoutException {
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();
        boolean before = vm.darkThemeProperty().get();

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> vm.darkThemeProperty().get() != before);
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> vm.darkThemeProperty().get() == before);
    }

    @Test
    void ctrlPPrintsTheOpenClaimWhileTheFocusIsStillInTheList(FxRobot robot) throws TimeoutException {
        TableView<ClaimSummary> table = robot.lookup("#claimsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        String rx = table.getItems().get(0).rxNumber();
        waitUntil(() -> robot.lookup("#claimDetailTitle").tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("Rx " + rx)).orElse(false));
        assertThat(table.isFocused()).isTrue();

        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.P);

        waitUntil(() -> robot.lookup("#notice").query().isVisible());
        assertThat(bannerTitle(robot)).as(bannerText(robot)).isEqualTo("UCF paper-claim sheet ready");
    }

    @Test
    void noScreenShowsTheClerkInternalReferences(FxRobot robot) throws TimeoutException {
        Node root = robot.lookup("#notice").query().getScene().getRoot();
        List<String> texts = new ArrayList<>();
        collectTexts(root, texts);
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("DOMAIN") || t.contains("§") || t.matches("(?s).*\\(\\+\\d.*"));
    }

    private static void collectTexts(Node node, List<String> out) {
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.text.Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }

    @Test
    void eachNoticeShowsItsOwnHeadingAndText(FxRobot robot) throws TimeoutException {
        ShellViewModel vm = ((ShellView) robot.lookup("#notice").query().getScene().getRoot()).viewModel();
        robot.interact(() -> vm.notify(Notice.info("Demo office created", "This is a new data folder.")));
        waitUntil(() -> bannerTitle(robot).equals("Demo office created"));
        assertThat(bannerText(robot)).isEqualTo("This is a new data folder.");

        robot.interact(() -> vm.notify(new Notice(Notice.Kind.WARNING, "Remittance imported, not posted",
                "a.835: imported 1 payment")));
        waitUntil(() -> bannerTitle(robot).equals("Remittance imported, not posted"));
        assertThat(bannerText(robot)).isEqualTo("a.835: imported 1 payment");

        // the same heading again with another text
        robot.interact(() -> vm.notify(new Notice(Notice.Kind.WARNING, "Remittance imported, not posted",
                "b.835: imported 1 payment")));
        waitUntil(() -> bannerText(robot).equals("b.835: imported 1 payment"));
        assertThat(bannerTitle(robot)).isEqualTo("Remittance imported, not posted");
    }

    private static String bannerTitle(FxRobot robot) {
        return robot.lookup("#notice .title").queryAs(Label.class).getText();
    }

    private static String bannerText(FxRobot robot) {
        javafx.scene.text.TextFlow flow = robot.lookup("#notice .description").queryAs(javafx.scene.text.TextFlow.class);
        StringBuilder sb = new StringBuilder();
        for (Node n : flow.getChildren()) {
            if (n instanceof javafx.scene.text.Text t) {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }
}
