package org.rxledger.app.testdata;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests: for a condition the real background runner makes true, then for the FX thread. */
public final class FxWait {

    private FxWait() {
    }

    /** Waits up to 20 s (a loaded build machine) for {@code condition}, then for pending FX events. */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        waitUntil(20, condition);
    }

    public static void waitUntil(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        // the condition is polled off the FX thread: let the callback that made it true finish
        WaitForAsyncUtils.waitForFxEvents();
    }
}
