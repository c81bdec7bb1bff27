package org.rxledger.app.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.collections.PatientAccount;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.WriteOff;
import org.rxledger.core.collections.WriteOffService;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.store.Database;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.rxledger.core.ledger.LedgerRepository;

/**
 * A supervisor works the write-off queue on the real shell: Ctrl+7 opens Patient accounts on the account with its
 * balance; in the review tab a clerk signed in is refused the supervisor-tier write-off by keyboard (A), the
 * supervisor signs in and approves it with A, and the balance is gone.
 */
@ExtendWith(ApplicationExtension.class)
class CollectionsUiTest {

    private static final String CSV = String.join("\n",
            "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,patient_first_name,"
                    + "patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,ingredient_cost_submitted,"
                    + "dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,plan_paid_amount,"
                    + "authorization_number,patient_paid_at_pos",
            "7001234,2,2024-11-03,999999,TESTPCN,GRP7781,ZQX00012345,001,ALPHA,TESTPATIENT,1962-04-15,12345067890,30,30,0,"
                    + "1987654328,46.50,1.75,52.00,48.25,3.40,0.00,A25071000001,0");

    private final Database db = TestStores.freshDatabase();
    private TestWorkstation workstation;

    private static Session session(String user, Role role) {
        return new Session(user, user, Set.of(role), "ws-test", Instant.parse("2025-03-20T08:00:00Z"));
    }

    /** The office is made before the window starts: the FX thread has a time limit for {@code @Start}. */
    CollectionsUiTest() {
        AccountService accounts = new AccountService(db.transactions(), new PasswordHasher(1_000));
        accounts.createDemoAccounts(List.of(
                new AccountService.NewAccount("demo-clerk", "Demo Clerk", Set.of(Role.CLERK), "demo".toCharArray()),
                new AccountService.NewAccount("demo-supervisor", "Demo Supervisor", Set.of(Role.SUPERVISOR), "demo".toCharArray())));
        assertThat(new ClaimImportService(db.transactions(), new ClaimRules(db.transactions().clock())).importCsv("claims.csv",
                new StringReader(CSV)).errors()).isEmpty();
        PatientAccountService service = new PatientAccountService(db.transactions());
        Session manager = session("mona", Role.BILLING_MANAGER);
        service.changeSetting(manager, "clerk_limit", "1.00");
        service.runStatements(manager, LocalDate.of(2024, 12, 1));
        service.runStatements(manager, LocalDate.of(2025, 1, 1));
        assertThat(new WriteOffService(db.transactions()).recommend(manager, LocalDate.of(2025, 1, 2)).created()).hasSize(1);
    }

    @Start
    void start(Stage stage) {
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    private static void signIn(FxRobot robot, String user) throws TimeoutException {
        robot.clickOn("#collectionsUser").eraseText(30).write(user);
        robot.clickOn("#collectionsPassword").write("demo").type(KeyCode.ENTER);
        try {
            waitUntil(() -> FxRobots.text(robot, "#collectionsWho").contains(user));
        } catch (TimeoutException e) {
            throw new AssertionError("not signed in: " + FxRobots.text(robot, "#collectionsMessage") + " / "
                    + FxRobots.text(robot, "#collectionsWho"), e);
        }
    }

    @Test
    void aClerkIsRefusedTheSupervisorTierAndTheSupervisorApprovesByKeyboard(FxRobot robot) throws TimeoutException {
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT7);
        TableView<PatientAccount> accounts = robot.lookup("#accountTable").queryTableView();
        waitUntil(() -> accounts.getItems().size() == 1);
        assertThat(accounts.getItems().get(0).balance()).isEqualTo(Money.parse("3.40"));
        waitUntil(() -> robot.lookup("#accountItems").queryTableView().getItems().size() == 1);

        signIn(robot, "demo-clerk");
        robot.clickOn("Write-off review (1)");
        TableView<WriteOff> queue = robot.lookup("#writeOffQueue").queryTableView();
        robot.clickOn(robot.lookup("#writeOffQueue .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.A);
        waitUntil(() -> FxRobots.text(robot, "#collectionsMessage").contains("may not approve a supervisor-tier write-off"));
        assertThat(queue.getItems()).hasSize(1);

        signIn(robot, "demo-supervisor");
        robot.clickOn(robot.lookup("#writeOffQueue .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.A);
        waitUntil(() -> queue.getItems().isEmpty());
        assertThat(FxRobots.text(robot, "#collectionsMessage")).contains("approved by demo-supervisor");
        waitUntil(() -> accounts.getItems().isEmpty());
        Money written = db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(LedgerAccount.WRITE_OFF));
        assertThat(written).isEqualTo(Money.parse("3.40"));
    }

    @Test
    void aClerkStartsAPaymentPlanOnTheSelectedAccountAndABadDayIsRefusedInWords(FxRobot robot) throws TimeoutException {
        FxRobots.shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT7);
        TableView<PatientAccount> accounts = robot.lookup("#accountTable").queryTableView();
        waitUntil(() -> accounts.getItems().size() == 1);
        robot.clickOn(robot.lookup("#accountTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        signIn(robot, "demo-clerk");

        robot.clickOn("#planAmount").write("1.00");
        robot.clickOn("#planDay").write("31");
        robot.clickOn("#startPlan");
        waitUntil(() -> FxRobots.text(robot, "#collectionsMessage").contains("1 to 28"));

        robot.clickOn("#planDay").eraseText(2).write("5");
        robot.clickOn("#startPlan");
        waitUntil(() -> FxRobots.text(robot, "#collectionsMessage").contains("Payment plan on"));
        assertThat(new PatientAccountService(db.transactions()).paymentPlans().plans(LocalDate.of(2025, 1, 2)))
                .singleElement().satisfies(p -> assertThat(p.plan().amount()).isEqualTo(Money.parse("1.00")));
    }
}
