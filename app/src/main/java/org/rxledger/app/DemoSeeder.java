package org.rxledger.app;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.rxledger.app.shell.OfficeSeeder;
import org.rxledger.core.demo.DemoAccounts;
import org.rxledger.core.demo.DemoCollections;
import org.rxledger.core.demo.DemoContracts;
import org.rxledger.core.demo.DemoOffice;
import org.rxledger.core.demo.DemoRemittances;

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
            // no accounts yet: the opener creates the office and imports its 835s; then the accounts follow
            ctx.signInIfNoAccounts();
            DemoOffice.Summary office = DemoOffice.create(ctx.transactions());
            progress.progress(0, -1, "Importing the demo remittances");
            String remits = describe(importRemittances(ctx));
            progress.progress(0, -1, "Importing the demo contracts and price lists");
            String contracts = describe(DemoContracts.create(ctx.transactions(), LocalDate.now(ctx.clock())));
            DemoAccounts.create(ctx.accounts());
            progress.progress(0, -1, "Sending the demo statements");
            DemoCollections.create(ctx.transactions());
            progress.progress(0, -1, "Importing the demo MFP refunds");
            return describe(office) + "; " + remits + "; " + describe(seedMfp(ctx)) + "; " + contracts;
        };
    }

    /** Where the demo office's 835 files are written (kept, so they can be opened or imported again). */
    public static Path remittanceDir(AppContext ctx) {
        return ctx.dataDir().resolve("demo-remittances");
    }

    /**
     * Writes the demo office's 835 files and imports them through the same import use case as the
     * command line, the workstation and the inbox — so they are matched and posted as any 835 would be.
     */
    public static DemoRemittances.Summary importRemittances(AppContext ctx) {
        return DemoRemittances.importAll(ctx.transactions(), ctx.remittanceImports(), LocalDate.now(ctx.clock()),
                remittanceDir(ctx));
    }

    /** Selected-drug prices, Part D routings, the MTF and one MTF 835 for the demo office (docs/mfp.md). */
    public static org.rxledger.core.mfp.MfpDemo.Summary seedMfp(AppContext ctx) {
        return org.rxledger.core.mfp.MfpDemo.seed(ctx.transactions(), ctx.remittanceImports(), LocalDate.now(ctx.clock()),
                remittanceDir(ctx));
    }

    /** e.g. "MFP refunds: 2 selected drugs, 40 refunds due, 39 paid by the MTF ($12,345.67)" */
    public static String describe(org.rxledger.core.mfp.MfpDemo.Summary s) {
        return "MFP refunds: " + s.selectedDrugs() + " selected drugs, " + s.eligibleFills() + " refunds due, "
                + s.refundsPaid() + " paid by the MTF (" + NumberFormat.getCurrencyInstance(Locale.US).format(s.paid().amount())
                + ")";
    }

    /** e.g. "contracts: 4 versions, MAC list of 60 NDCs, NADAC of 55, invoices of 70 generics" */
    public static String describe(DemoContracts.Summary s) {
        return "contracts: " + s.contracts() + " versions, MAC list of " + s.macPrices() + " NDCs, NADAC of "
                + s.nadacPrices() + ", AWP of " + s.awpPrices() + " brands, invoices of " + s.invoiceLines() + " generics";
    }

    /** e.g. "imported 52 demo remittances: 2,871 claim payments, 2,870 matched, $98,765.43 paid" */
    public static String describe(DemoRemittances.Summary s) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        return "imported " + n.format(s.payments()) + " demo remittances: " + n.format(s.claims()) + " claim payments, "
                + n.format(s.matched()) + " matched, " + NumberFormat.getCurrencyInstance(Locale.US).format(s.total().amount())
                + " paid";
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
