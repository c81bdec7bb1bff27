package org.rxledger.app.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rxledger.core.demo.DemoAccounts;

/**
 * The sign-in screen shown before the workstation (issue 16), and the lock screen that covers it: an opaque
 * card, so no patient data shows behind it. On the demo office it states the demo accounts and their password.
 */
final class SignInView extends StackPane {

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Message demo = new Message();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button signIn = new Button("Sign in");
    private final Button other = new Button("Sign in as someone else");
    private final Label error = new Label();
    private final Label busy = new Label();

    /**
     * @param onSignIn gets the account name and the typed password (the view clears its field right away)
     * @param onOther  for the lock screen: end the locked session and show the sign-in screen; null hides the button
     */
    SignInView(String office, BiConsumer<String, char[]> onSignIn, Runnable onOther) {
        getStyleClass().add("sign-in");
        title.getStyleClass().add(Styles.TITLE_2);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        subtitle.setText(office);
        user.setId("signInUser");
        user.setPromptText("Account name");
        password.setId("signInPassword");
        password.setPromptText("Password");
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        other.setId("signInOther");
        other.setMaxWidth(Double.MAX_VALUE);
        other.setVisible(onOther != null);
        other.managedProperty().bind(other.visibleProperty());
        error.setId("signInError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        busy.setId("signInBusy");
        busy.getStyleClass().add(Styles.TEXT_MUTED);
        busy.setWrapText(true);
        busy.managedProperty().bind(busy.visibleProperty());
        busy.setVisible(false);
        demo.setId("signInDemo");
        demo.getStyleClass().add(Styles.ACCENT);
        demo.setTitle("Demo office — fictional data");
        demo.setDescription("Sign in as demo-clerk, demo-supervisor, demo-manager, demo-auditor or demo-admin; "
                + "the password of each is \"" + DemoAccounts.PASSWORD + "\".");
        demo.managedProperty().bind(demo.visibleProperty());
        demo.setVisible(false);

        signIn.setOnAction(e -> {
            char[] typed = password.getText().toCharArray();
            password.clear();
            onSignIn.accept(user.getText().strip(), typed);
            Arrays.fill(typed, '\0');
        });
        if (onOther != null) {
            other.setOnAction(e -> onOther.run());
        }

        VBox card = new VBox(10, title, subtitle, demo, new Label("Account"), user, new Label("Password"), password,
                error, signIn, other, busy);
        card.setId("signInCard");
        card.getStyleClass().add("sign-in-card");
        card.setPadding(new Insets(28));
        card.setMaxWidth(420);
        card.setMaxHeight(USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 6; -fx-background-radius: 6;");
        setAlignment(Pos.CENTER);
        setStyle("-fx-background-color: -color-bg-subtle;");
        getChildren().add(card);
        setTitle("Sign in to RxLedger");
    }

    void setTitle(String text) {
        title.setText(text);
    }

    /** The lock screen: the account is fixed, only the password is asked. */
    void lockedFor(String userName, String displayName) {
        setTitle("Locked");
        subtitle.setText(displayName + " (" + userName + ") locked this workstation. Type the password to go on.");
        user.setText(userName);
        user.setDisable(true);
        signIn.setText("Unlock");
    }

    void showDemoAccounts(boolean shown) {
        demo.setVisible(shown);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(message != null && !message.isBlank());
    }

    /** While a sign-in is checked (or the demo office is being created): the form waits, with words saying why. */
    void showBusy(String message) {
        busy.setText(message == null ? "" : message);
        busy.setVisible(message != null);
        signIn.setDisable(message != null);
        other.setDisable(message != null);
    }

    /** A line under the form that asks nothing (the demo office was just created). */
    void showNote(String text) {
        busy.setText(text);
        busy.setVisible(true);
    }

    void focusFirstEmpty() {
        if (user.isDisabled() || !user.getText().isBlank()) {
            password.requestFocus();
        } else {
            user.requestFocus();
        }
    }
}
