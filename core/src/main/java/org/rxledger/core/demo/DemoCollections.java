package org.rxledger.core.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.rxledger.core.collections.HoldKind;
import org.rxledger.core.collections.PatientAccount;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.WriteOffService;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.reference.ReferenceRepository;

/**
 * The demo office's collections (issue 18), so the Patient accounts screen opens on a working office: the Medicare
 * Part D and Medicaid plans are marked federal programs, four monthly statement runs go out, a few accounts get
 * holds (bankruptcy, deceased, dispute), and the write-off rules run once — by the demo clerk, so the demo
 * supervisor can approve. Runs through the same use cases as a person would.
 */
public final class DemoCollections {

    private DemoCollections() {
    }

    /** What it did, for the demo command's summary. */
    public record Summary(int accounts, int statements, int recommendations) {
    }

    public static Summary create(Transactions transactions) {
        LocalDate today = LocalDate.now(transactions.clock());
        Instant now = transactions.clock().instant();
        Session clerk = new Session("demo-clerk", "Demo Clerk", Set.of(Role.CLERK), "demo", now);
        Session admin = new Session("demo-admin", "Demo Administrator", Set.of(Role.ADMIN), "demo", now);
        PatientAccountService accounts = new PatientAccountService(transactions);
        List<Plan> plans = transactions.read(tx -> tx.port(ReferenceRepository.class).plans());
        for (Plan p : plans) {
            if (p.name().contains("PART D")) {
                accounts.markFederalProgram(admin, p.id(), "MEDICARE_PART_D");
            } else if (p.name().contains("MEDICAID")) {
                accounts.markFederalProgram(admin, p.id(), "MEDICAID");
            }
        }
        int statements = 0;
        for (int months = 3; months >= 1; months--) {
            statements += accounts.runStatements(clerk, today.minusDays(30L * months)).size();
        }
        List<PatientAccount> open = accounts.accounts(today);
        HoldKind[] holds = {HoldKind.BANKRUPTCY, HoldKind.DECEASED, HoldKind.DISPUTE};
        for (int i = 0; i < holds.length && i * 7 < open.size(); i++) {
            accounts.placeHold(clerk, open.get(i * 7).key(), holds[i], "demo", today.minusDays(3));
        }
        statements += accounts.runStatements(clerk, today).size();
        int recommended = new WriteOffService(transactions).recommend(clerk, today).created().size();
        return new Summary(accounts.accounts(today).size(), statements, recommended);
    }
}
