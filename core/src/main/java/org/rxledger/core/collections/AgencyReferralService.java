package org.rxledger.core.collections;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Session;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.export.SpreadsheetText;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.tx.Transactions;

/**
 * Refers accounts to a collection agency (issue 18): a billing manager's decision, recorded per account with the
 * balance referred, and written as the agency's CSV. Refused for an account on hold (a bankruptcy notice is an
 * automatic stay; deceased, dispute and hardship stop collection too), on a kept payment plan, already referred,
 * or owing nothing; the whole referral is refused when one account is, so the file and the records agree.
 */
public final class AgencyReferralService {

    public static final String EVENT_REFERRAL = "patient_account.agency_referral";
    static final List<String> COLUMNS = List.of("account", "name", "balance", "oldest_date_of_service", "statements_sent",
            "last_statement", "last_payment", "referred_on", "agency");

    private final Transactions transactions;
    private final Authorizer authorizer;

    public AgencyReferralService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.authorizer = new Authorizer(transactions);
    }

    public List<AgencyReferral> refer(Session by, List<String> accountKeys, String agency, LocalDate on) {
        authorizer.require(by, Permission.WRITEOFF_APPROVE_MANAGER_TIER, "refer accounts to a collection agency");
        String name = agency == null ? "" : agency.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new RxLedgerException("AGENCY_NAME", "Name the collection agency (1 to 80 characters).");
        }
        if (accountKeys.isEmpty()) {
            throw new RxLedgerException("REFERRAL_EMPTY", "Choose at least one account to refer.");
        }
        return transactions.inTransaction(Permission.WRITEOFF_APPROVE_MANAGER_TIER, "refer accounts to a collection agency", tx -> {
            CollectionsRepository repo = tx.port(CollectionsRepository.class);
            Map<String, LocalDate> referred = repo.referrals();
            Map<String, PaymentPlan.Status> plans = PaymentPlanService.statuses(tx, on);
            List<AgencyReferral> out = new ArrayList<>();
            for (String typed : accountKeys) {
                String key = AccountKey.parse(typed);
                List<PatientAccount> found = PatientAccountService.accounts(tx, key, on);
                if (found.isEmpty() || !found.get(0).balance().isPositive()) {
                    throw new RxLedgerException("REFERRAL_NOTHING_OWED", "Account " + key + " owes nothing on " + on
                            + "; nothing is referred.");
                }
                PatientAccount a = found.get(0);
                if (a.onHold()) {
                    throw new RxLedgerException("REFERRAL_ON_HOLD", "Account " + key + " is on hold ("
                            + String.join(", ", a.holds().stream().map(HoldKind::cliName).toList())
                            + "): collection is stopped, so it is not referred. Nothing is referred.");
                }
                PaymentPlan.Status plan = plans.get(key);
                if (plan != null && plan.kept()) {
                    throw new RxLedgerException("REFERRAL_PLAN_KEPT", "Account " + key + " keeps its payment plan; "
                            + "it is not referred. Nothing is referred.");
                }
                if (referred.containsKey(key)) {
                    throw new RxLedgerException("REFERRAL_DONE", "Account " + key + " was referred on " + referred.get(key)
                            + " already. Nothing is referred.");
                }
                LocalDate oldest = repo.openItems(key, on).stream().map(AccountItem::dateOfService).min(LocalDate::compareTo)
                        .orElse(null);
                repo.insertReferral(key, name, a.balance(), on, by.user());
                referred.put(key, on);
                out.add(new AgencyReferral(key, a.name(), name, a.balance(), oldest, a.statementsSent(), a.lastStatement(),
                        a.lastPayment(), on, by.user()));
                PatientAccountService.record(tx, EVENT_REFERRAL, "ACCOUNT_REFERRED_TO_AGENCY", key, by,
                        Map.of("agency", name, "amount", a.balance().toString(), "on", on.toString()));
            }
            return out;
        });
    }

    /** The agency's file: one row per account, header first; text a spreadsheet would run as a formula is neutralised. */
    public static void writeCsv(List<AgencyReferral> referrals, Appendable out) throws IOException {
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (AgencyReferral r : referrals) {
                printer.printRecord(r.accountKey(), SpreadsheetText.neutralised(r.name()), r.balance().toString(),
                        text(r.oldestService()), r.statementsSent(), text(r.lastStatement()), text(r.lastPayment()),
                        r.referredOn().toString(), SpreadsheetText.neutralised(r.agency()));
            }
        }
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
