package org.rxledger.app.collections;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.collections.AccountActivity;
import org.rxledger.core.collections.AccountItem;
import org.rxledger.core.collections.AgingBucket;
import org.rxledger.core.collections.HoldKind;
import org.rxledger.core.collections.PatientAccount;
import org.rxledger.core.collections.WriteOff;
import org.rxledger.core.money.Money;

/**
 * The Patient accounts area: accounts with balance, aging and holds over the selected account's open fills and
 * movements; a second tab with the write-off review queue, where a signed-in person approves (A or Ctrl+Enter) or
 * rejects with a reason (R). Binds only.
 */
public final class CollectionsView extends BorderPane {

    static final KeyCombination APPROVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final CollectionsViewModel vm;
    private final TableView<PatientAccount> accounts = new TableView<>();
    private final TableView<WriteOff> queue = new TableView<>();
    private final TextField search = new TextField();
    private final TextField reason = new TextField();
    private final TabPane tabs = new TabPane();

    public CollectionsView(CollectionsViewModel vm) {
        this.vm = vm;
        setId("collectionsView");

        Label title = new Label("Patient accounts");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = new Label("Balances and aging are summed from the ledger (patient pay not collected at the counter, PR "
                + "moved by remittances, payments, write-offs). Accounts on hold get no statements and no write-off rules "
                + "but their own. Post payments and holds with `rxledger patient-accounts`.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        VBox top = new VBox(2, title, help, signInBar());
        top.setPadding(new Insets(8, 12, 8, 12));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab accountsTab = new Tab("Accounts", accountsPane());
        accountsTab.setId("accountsTab");
        Tab queueTab = new Tab("Write-off review", queuePane());
        queueTab.setId("writeOffTab");
        queueTab.textProperty().bind(Bindings.size(vm.queue()).asString("Write-off review (%d)"));
        tabs.getTabs().setAll(accountsTab, queueTab);

        Label message = new Label();
        message.setId("collectionsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox center = new VBox(6, tabs, message);
        center.setPadding(new Insets(0, 12, 8, 12));
        setTop(top);
        setCenter(center);
    }

    private HBox signInBar() {
        TextField user = new TextField();
        user.setId("collectionsUser");
        user.setPromptText("Account");
        user.setPrefColumnCount(14);
        PasswordField password = new PasswordField();
        password.setId("collectionsPassword");
        password.setPromptText("Password");
        password.setPrefColumnCount(12);
        Button signIn = new Button("Sign in");
        signIn.setId("collectionsSignIn");
        signIn.setTooltip(new Tooltip("Decisions on write-offs name the person who makes them (Enter in the password field)"));
        Runnable go = () -> {
            vm.signIn(user.getText(), password.getText().toCharArray());
            password.clear();
        };
        signIn.setOnAction(e -> go.run());
        password.setOnAction(e -> go.run());
        Label who = new Label();
        who.setId("collectionsWho");
        who.textProperty().bind(Bindings.createStringBinding(() -> vm.sessionProperty().get() == null
                ? "Not signed in: sign in to approve or reject write-offs"
                : "Deciding as " + vm.sessionProperty().get().displayName() + " (" + vm.sessionProperty().get().user() + ", "
                + vm.sessionProperty().get().roles().iterator().next().label() + ")", vm.sessionProperty()));
        who.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, user, password, signIn, who);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 0, 0));
        return bar;
    }

    private VBox accountsPane() {
        search.setId("accountSearch");
        search.setPromptText("Search by name or account (P12, H:MAPLE-LTC)");
        search.setPrefColumnCount(30);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.shownAccounts().size() + " of "
                + vm.allAccounts().size() + " accounts, " + Formats.money(Money.sum(vm.shownAccounts().stream()
                .map(PatientAccount::balance).toList())), vm.shownAccounts(), vm.allAccounts()));
        Button statements = new Button("Print statements due today…");
        statements.setId("runStatements");
        statements.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save the statements as");
            chooser.setInitialFileName(vm.statementFileName());
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.runStatements(f.toPath());
            }
        });
        HBox bar = new HBox(8, search, count, statements);
        bar.setAlignment(Pos.CENTER_LEFT);

        accounts.setId("accountTable");
        accounts.setItems(vm.shownAccounts());
        accounts.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        accounts.setPlaceholder(new Label("No patient balances."));
        accounts.getColumns().setAll(List.of(
                Tables.column("Account", 90, PatientAccount::key),
                Tables.column("Name", 200, PatientAccount::name),
                Tables.money("Balance", 80, PatientAccount::balance),
                Tables.money("0-30", 80, a -> a.aging().get(AgingBucket.CURRENT)),
                Tables.money("31-60", 80, a -> a.aging().get(AgingBucket.DAYS_31_60)),
                Tables.money("61-90", 80, a -> a.aging().get(AgingBucket.DAYS_61_90)),
                Tables.money("91-120", 80, a -> a.aging().get(AgingBucket.DAYS_91_120)),
                Tables.money("120+", 80, a -> a.aging().get(AgingBucket.OVER_120)),
                Tables.column("Statements", 80, a -> String.valueOf(a.statementsSent())),
                Tables.column("Last payment", 100, a -> a.lastPayment() == null ? "—" : Formats.date(a.lastPayment())),
                Tables.column("Hold", 180, a -> String.join(", ", a.holds().stream().map(HoldKind::cliName).toList()))));
        Tables.followSelection(accounts, vm.selectedProperty());

        TableView<AccountItem> items = new TableView<>(vm.items());
        items.setId("accountItems");
        items.getStyleClass().addAll(Styles.DENSE);
        items.setPlaceholder(new Label("No open fills."));
        items.getColumns().setAll(List.of(
                Tables.column("Rx-fill", 100, AccountItem::rxFill),
                Tables.column("Date of service", 110, (AccountItem i) -> Formats.date(i.dateOfService())),
                Tables.column("Drug", 200, AccountItem::drugName),
                Tables.money("Owed", 80, AccountItem::balance),
                Tables.column("Plan", 140, (AccountItem i) -> i.thirdPartyOpen() ? "still owes " + Formats.money(i.thirdPartyBalance()) : "paid")));
        TableView<AccountActivity> moves = new TableView<>(vm.activity());
        moves.setId("accountActivity");
        moves.getStyleClass().addAll(Styles.DENSE);
        moves.getColumns().setAll(List.of(
                Tables.column("Date", 90, (AccountActivity a) -> Formats.date(a.date())),
                Tables.column("Rx-fill", 100, AccountActivity::rxFill),
                Tables.money("Amount", 80, AccountActivity::amount),
                Tables.column("What", 330, AccountActivity::memo),
                Tables.column("By", 110, AccountActivity::by)));
        SplitPane detail = new SplitPane(items, moves);
        TextField planAmount = new TextField();
        planAmount.setId("planAmount");
        planAmount.setPromptText("Instalment, e.g. 25.00");
        planAmount.setPrefColumnCount(10);
        TextField planDay = new TextField();
        planDay.setId("planDay");
        planDay.setPromptText("Day 1-28");
        planDay.setPrefColumnCount(6);
        Button plan = new Button("Start payment plan");
        plan.setId("startPlan");
        plan.setOnAction(e -> vm.startPlan(planAmount.getText(), planDay.getText()));
        TextField agency = new TextField();
        agency.setId("agencyName");
        agency.setPromptText("Collection agency");
        Button refer = new Button("Refer to agency…");
        refer.setId("referToAgency");
        refer.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save the agency's referral file as");
            chooser.setInitialFileName("referral.csv");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.referToAgency(agency.getText(), f.toPath());
            }
        });
        HBox actions = new HBox(8, new Label("Selected account:"), planAmount, planDay, plan, agency, refer);
        actions.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(accounts, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, bar, actions, split);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private VBox queuePane() {
        queue.setId("writeOffQueue");
        queue.setItems(vm.queue());
        queue.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        queue.setPlaceholder(new Label("No write-offs waiting. Run the rules with `rxledger writeoffs recommend`."));
        queue.getColumns().setAll(List.of(
                Tables.column("ID", 50, (WriteOff w) -> String.valueOf(w.id())),
                Tables.column("Account", 80, WriteOff::accountKey),
                Tables.column("Name", 170, WriteOff::accountName),
                Tables.column("Kind", 110, (WriteOff w) -> w.kind().name()),
                Tables.money("Amount", 80, WriteOff::amount),
                Tables.column("Tier", 110, (WriteOff w) -> w.tier().jsonName()),
                Tables.column("Proposed by", 100, WriteOff::proposedBy),
                Tables.column("Why (rules and evidence)", 560, WriteOff::explanation)));
        Tables.followSelection(queue, vm.selectedWriteOffProperty());
        queue.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.A || APPROVE.match(e)) {
                vm.approve();
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                reason.requestFocus();
                e.consume();
            }
        });
        reason.setId("writeOffReason");
        reason.setPromptText("Reason for rejecting (required; Enter rejects)");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setOnAction(e -> {
            vm.reject();
            queue.requestFocus();
        });
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button approve = new Button("Approve");
        approve.setId("writeOffApprove");
        approve.getStyleClass().add(Styles.ACCENT);
        approve.setTooltip(new Tooltip("Approve and post the selected write-off (A or Ctrl+Enter in the queue)"));
        approve.setOnAction(e -> vm.approve());
        Button reject = new Button("Reject");
        reject.setId("writeOffReject");
        reject.setTooltip(new Tooltip("Reject with the reason typed beside (R in the queue, then type, then Enter)"));
        reject.setOnAction(e -> vm.reject());
        Label totals = new Label();
        totals.getStyleClass().add(Styles.TEXT_MUTED);
        totals.textProperty().bind(vm.queueTotalsProperty());
        HBox bar = new HBox(8, reason, approve, reject, totals);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(queue, Priority.ALWAYS);
        VBox box = new VBox(6, queue, bar);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    public void focusTable() {
        tabs.getSelectionModel().select(0);
        accounts.requestFocus();
        if (accounts.getSelectionModel().isEmpty() && !accounts.getItems().isEmpty()) {
            accounts.getSelectionModel().selectFirst();
        }
    }

    /** Opens the review tab with the queue focused. */
    public void focusQueue() {
        tabs.getSelectionModel().select(1);
        queue.requestFocus();
        if (queue.getSelectionModel().isEmpty() && !queue.getItems().isEmpty()) {
            queue.getSelectionModel().selectFirst();
        }
    }
}
