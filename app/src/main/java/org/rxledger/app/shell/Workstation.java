package org.rxledger.app.shell;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import org.rxledger.app.AppContext;
import org.rxledger.core.access.Session;

/**
 * Entry point of the workstation window for {@code Main} (which must not extend Application,
 * docs/development.md, trap 1). Blocks until the window is closed; the caller then closes the context.
 */
public final class Workstation {

    private static final AtomicReference<WorkstationSetup> HANDOVER = new AtomicReference<>();
    private static final AtomicReference<EncryptedOffice> ENCRYPTED = new AtomicReference<>();

    /** What a person's name and password open in an encrypted office: the window's setup, signed in as them. */
    @FunctionalInterface
    public interface Unlocker {
        /** Unwraps the key with the password, opens the office and signs the person in; throws with a message to show. */
        Unlocked open(String name, char[] password);
    }

    /** An encrypted office opened by a sign-in: the window's setup, its accounts' use cases and the person's session. */
    public record Unlocked(WorkstationSetup setup, Session session) {
    }

    /** An encrypted office the window opens after its sign-in screen; {@code demo} shows the demo accounts there. */
    public record EncryptedOffice(boolean demo, Unlocker unlocker) {
    }

    private Workstation() {
    }

    /** Opens the workstation on {@code ctx}; an empty data folder stays empty. */
    public static void launch(AppContext ctx) {
        launch(ctx, OfficeSeeder.NONE);
    }

    /** Opens the workstation; on a first launch (no claims) {@code seeder} fills the office in the background. */
    public static void launch(AppContext ctx, OfficeSeeder seeder) {
        launch(WorkstationSetup.of(ctx, seeder));
    }

    /** Opens the window on an encrypted office: the sign-in screen first, then {@code office}'s unlocker opens it. */
    public static void launch(EncryptedOffice office) {
        if (!ENCRYPTED.compareAndSet(null, office)) {
            throw new IllegalStateException("the workstation window is already open in this process");
        }
        Application.launch(WorkstationApp.class);
    }

    static java.util.Optional<EncryptedOffice> takeEncryptedOffice() {
        return java.util.Optional.ofNullable(ENCRYPTED.get());
    }

    public static void launch(WorkstationSetup setup) {
        // JavaFX instantiates the Application reflectively: a static handover is the only way in
        if (!HANDOVER.compareAndSet(null, setup)) {
            throw new IllegalStateException("the workstation window is already open in this process");
        }
        Application.launch(WorkstationApp.class);
    }

    static WorkstationSetup takeSetup() {
        WorkstationSetup setup = HANDOVER.get();
        if (setup == null) {
            throw new IllegalStateException("start the workstation with Workstation.launch(AppContext), not directly");
        }
        return setup;
    }
}
