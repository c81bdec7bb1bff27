package org.rxledger.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rxledger.app.shell.Workstation;
import org.rxledger.app.testdata.SyntheticOffice;

/**
 * Opens the real workstation on a fresh temporary data folder that the first launch fills with a
 * synthetic office (default 3,000 claims): for looking at the screens and taking screenshots.
 * Usage: {@code DevWorkstation [claims] [dataDir]}.
 */
public final class DevWorkstation {

    private DevWorkstation() {
    }

    public static void main(String[] args) throws Exception {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("rxledger-dev-");
        try (AppContext ctx = AppContext.open(dir)) {
            Workstation.launch(ctx, progress -> SyntheticOffice.create(ctx.transactions(), claims, progress));
        }
    }
}
