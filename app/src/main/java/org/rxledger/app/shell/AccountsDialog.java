package org.rxledger.app.shell;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rxledger.app.ui.Tables;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.core.security.Account;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;

/**
 * Session › Accounts… for an administrator (issue 16): the office's accounts; create one, change its roles or
 * switch it off, reset its password, unlock it. Every change goes through {@link AccountService}, which checks the
 * administrator's permission and audits it.
 */
final class AccountsDialog {

    private AccountsDialog() {
    }

    static void show(Window owner, AccountService accounts, Session admin, TaskRunner runner) {
        TableView<Account> table = new TableView<>();
        table.setId("accountsTable");
        table.getColumns().add(Tables.column("Account", 80, Account::name));
        table.getColumns().add(Tables.column("Name", 80, Account::displayName));
        table.getColumns().add(Tables.column("Roles", 80, a -> String.join(", ", a.roles().stream().map(Role::label).toList())));
        table.getColumns().add(Tables.column("State", 80, a -> !a.active() ? "switched off"
                : a.lockedUntil() != null ? "locked" : "active"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(720, 320);
        Runnable reload = () -> table.getItems().setAll(accounts.list());
        reload.run();

        Button create = new Button("New account…");
        create.setOnAction(e -> edit(owner, null).ifPresent(form -> act(runner, reload,
                () -> accounts.create(admin, new AccountService.NewAccount(form.name, form.displayName, form.roles,
                        form.password)))));
        Button change = new Button("Roles and state…");
        change.setOnAction(e -> selected(table).ifPresent(a -> edit(owner, a).ifPresent(form -> act(runner, reload,
                () -> {
                    accounts.update(admin, a.name(), form.displayName, form.roles, form.active);
                    return null;
                }))));
        Button reset = new Button("Reset password…");
        reset.setOnAction(e -> selected(table).ifPresent(a -> newPassword(owner, a.name()).ifPresent(p -> act(runner,
                reload, () -> {
                    try {
                        accounts.resetPassword(admin, a.name(), p);
                        return null;
                    } finally {
                        Arrays.fill(p, '\0');
                    }
                }))));
        Button unlock = new Button("Unlock");
        unlock.setOnAction(e -> selected(table).ifPresent(a -> act(runner, reload, () -> {
            accounts.unlock(admin, a.name());
            return null;
        })));

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Accounts");
        dialog.setHeaderText("The office's accounts (every change is in the audit trail)");
        dialog.getDialogPane().setContent(new VBox(8, table, new HBox(8, create, change, reset, unlock)));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private static java.util.Optional<Account> selected(TableView<Account> table) {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private static void act(TaskRunner runner, Runnable reload, Supplier<?> change) {
        runner.run("Changing an account", p -> change.get(), done -> reload.run(),
                failure -> new Alert(Alert.AlertType.ERROR, failure.getMessage()).show());
    }

    private static final class Form {
        String name;
        String displayName;
        Set<Role> roles;
        boolean active;
        char[] password;
    }

    /** The new-account form ({@code account} null) or the roles-and-state form of an existing account. */
    private static java.util.Optional<Form> edit(Window owner, Account account) {
        TextField name = new TextField(account == null ? "" : account.name());
        name.setDisable(account != null);
        TextField display = new TextField(account == null ? "" : account.displayName());
        VBox roles = new VBox(4);
        for (Role r : Role.values()) {
            CheckBox box = new CheckBox(r.label() + " — " + r.description());
            box.setUserData(r);
            box.setSelected(account != null && account.roles().contains(r));
            roles.getChildren().add(box);
        }
        CheckBox active = new CheckBox("Active (can sign in)");
        active.setSelected(account == null || account.active());
        active.setDisable(account == null);
        PasswordField password = new PasswordField();
        VBox content = new VBox(6, new Label("Account name"), name, new Label("Display name"), display,
                new Label("Roles"), roles, active);
        if (account == null) {
            content.getChildren().addAll(new Label("First password (at least " + AccountService.MIN_PASSWORD_LENGTH
                    + " characters; they change it)"), password);
        }
        content.setPadding(new Insets(4));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(account == null ? "New account" : "Account " + account.name());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return java.util.Optional.empty();
        }
        Form form = new Form();
        form.name = name.getText().strip();
        form.displayName = display.getText();
        form.roles = EnumSet.noneOf(Role.class);
        roles.getChildren().forEach(n -> {
            if (((CheckBox) n).isSelected()) {
                form.roles.add((Role) n.getUserData());
            }
        });
        form.active = active.isSelected();
        form.password = password.getText().toCharArray();
        return java.util.Optional.of(form);
    }

    private static java.util.Optional<char[]> newPassword(Window owner, String account) {
        PasswordField password = new PasswordField();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Reset password");
        dialog.setHeaderText("A new password for " + account + " (at least " + AccountService.MIN_PASSWORD_LENGTH
                + " characters); the failed sign-ins are cleared");
        dialog.getDialogPane().setContent(password);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> password.getText().toCharArray());
    }
}
