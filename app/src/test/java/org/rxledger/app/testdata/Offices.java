package org.rxledger.app.testdata;

import java.nio.file.Path;
import org.rxledger.app.AppContext;
import org.rxledger.core.demo.DemoAccounts;
import org.rxledger.core.security.OfficeKeys;

/** Opens a data folder the CLI set up, encrypted (demo, init) or clear, as a test looks into it. */
public final class Offices {

    private Offices() {
    }

    /** Opens {@code dir}; an encrypted office with the key {@code account}'s password unwraps. */
    public static AppContext open(Path dir, String account, String password) {
        OfficeKeys keys = new OfficeKeys(dir);
        if (OfficeKeys.isEncrypted(dir) && keys.unclaimed().isEmpty()) {
            return AppContext.open(dir, keys.unlock(account, password.toCharArray()));
        }
        return AppContext.open(dir);
    }

    /** Opens a demo office with demo-admin's published password. */
    public static AppContext openDemo(Path dir) {
        return open(dir, "demo-admin", DemoAccounts.PASSWORD);
    }
}
