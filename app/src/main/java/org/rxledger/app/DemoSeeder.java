package org.rxledger.app;

import java.text.NumberFormat;
import java.util.Locale;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.core.demo.DemoOffice;

/**
 * Fills an empty data directory with the demo office: what a first launch and {@code rxledger demo}
 * both do, so a new user sees a working office rather than an empty window.
 */
public final class DemoSeeder {

    private DemoSeeder() {
    }

    /** The first-launch hook for the workstation. */
    public static OfficeSeeder forContext(AppContext ctx) {
        return progress -> {
            progress.progress(0, -1, "Creating the demo office");
            return describe(DemoOffice.create(ctx.transactions()));
        };
    }

    /** One phrase for the first-launch banner and the terminal, e.g. "MAPLE STREET PHARMACY: 3,000 claims (…) for 300 patients, …". */
    public static String describe(DemoOffice.Summary s) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        return s.pharmacyName() + ": " + n.format(s.claims()) + " claims ("
                + n.format(s.paidClaims()) + " paid, " + n.format(s.rejectedClaims()) + " rejected, "
                + n.format(s.reversedClaims()) + " reversed) for " + n.format(s.patients()) + " patients, "
                + s.plans() + " plans across " + s.payers() + " payers, dates of service " + s.firstDateOfService()
                + " to " + s.lastDateOfService();
    }
}
