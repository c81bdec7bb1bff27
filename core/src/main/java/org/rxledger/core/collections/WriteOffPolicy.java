package org.rxledger.core.collections;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.money.Money;

/**
 * The write-off rules of DOMAIN.md §6.2 as plain code: given what is known of one account as of a date, which
 * write-off (if any) to recommend and why, or why the rule that would fire must not. Thresholds are office
 * settings. Two guards apply to every rule: a fill a third party still owes on is never written off (re-bill
 * instead), and an account holding a credit is refunded or applied first, not written off.
 */
public final class WriteOffPolicy {

    /** What the rules look at. {@code firstStatement} and {@code lastPayment} are null when there was none. */
    public record Facts(String accountKey, List<AccountItem> items, Set<HoldKind> holds, int statementsSent,
                        LocalDate firstStatement, LocalDate lastPayment) {
    }

    /**
     * A rule's result: a recommendation ({@code refused} false), or the reason a rule that fired may not be
     * followed ({@code refused} true, amount and items as they would have been).
     */
    public record Finding(String accountKey, WriteOffKind kind, Money amount, ApprovalTier tier, List<AccountItem> items,
                          String explanation, boolean refused) {
    }

    static final String FEDERAL_REFUSAL = "not written off: the patient is in a federal health-care program, whose cost "
            + "sharing is never waived routinely (anti-kickback statute; pharmacy safe harbor 42 CFR 1001.952(k)(3) "
            + "needs failed collection efforts or an individual hardship finding). The balance stays in the statement "
            + "cycle; bad debt after the cycle, or charity on an approved hardship application, remain possible";

    private final CollectionSettings settings;

    public WriteOffPolicy(CollectionSettings settings) {
        this.settings = settings;
    }

    public Optional<Finding> evaluate(Facts f, LocalDate asOf) {
        if (f.items().stream().anyMatch(i -> i.balance().isNegative())) {
            return Optional.empty();
        }
        List<AccountItem> eligible = f.items().stream()
                .filter(i -> i.balance().isPositive() && !i.thirdPartyOpen()).toList();
        long heldBack = f.items().stream().filter(i -> i.balance().isPositive() && i.thirdPartyOpen()).count();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Money amount = Money.sum(eligible.stream().map(AccountItem::balance).toList());
        List<String> evidence = new ArrayList<>();
        evidence.add(f.statementsSent() == 0 ? "no statement sent"
                : f.statementsSent() + " statement(s) sent, the first on " + f.firstStatement());
        evidence.add(f.lastPayment() == null ? "no payment received" : "last payment " + f.lastPayment());
        if (heldBack > 0) {
            evidence.add(heldBack + " fill(s) left out: a third-party claim on them is still open");
        }
        String tail = " (" + String.join("; ", evidence) + ")";

        if (f.holds().contains(HoldKind.DECEASED)) {
            return found(f, WriteOffKind.DECEASED, amount, eligible, "patient deceased: dunning stopped, balance "
                    + amount + " not worth an estate claim unless the approver decides otherwise" + tail, false);
        }
        if (f.holds().contains(HoldKind.BANKRUPTCY_DISCHARGED)) {
            return found(f, WriteOffKind.BANKRUPTCY, amount, eligible, "discharged in bankruptcy: balance " + amount
                    + " is written off as discharged" + tail, false);
        }
        if (f.holds().contains(HoldKind.HARDSHIP_APPROVED)) {
            return found(f, WriteOffKind.CHARITY, amount, eligible, "hardship approved under the written charity "
                    + "policy: balance " + amount + " is charity care, not bad debt" + tail, false);
        }
        if (!f.holds().isEmpty()) {
            return Optional.empty(); // dispute, open claim, bankruptcy notice, pending hardship: collection is stopped
        }
        boolean noRecentPayment = f.lastPayment() == null
                || ChronoUnit.DAYS.between(f.lastPayment(), asOf) >= settings.noPaymentDays();
        if (f.statementsSent() >= settings.badDebtStatements() && f.firstStatement() != null
                && ChronoUnit.DAYS.between(f.firstStatement(), asOf) >= settings.badDebtDays() && noRecentPayment) {
            return found(f, WriteOffKind.BAD_DEBT, amount, eligible, "uncollectible: "
                    + ChronoUnit.DAYS.between(f.firstStatement(), asOf) + " days since the first statement, the final "
                    + "notice sent and no payment in " + settings.noPaymentDays() + " days" + tail, false);
        }
        if (amount.isLessThan(settings.smallBalanceUnder()) && f.statementsSent() >= settings.smallBalanceStatements()) {
            if (eligible.stream().anyMatch(AccountItem::federalProgram)) {
                return found(f, WriteOffKind.SMALL_BALANCE, amount, eligible, "small balance " + amount + " " + FEDERAL_REFUSAL
                        + tail, true);
            }
            return found(f, WriteOffKind.SMALL_BALANCE, amount, eligible, "small balance: " + amount + " is under "
                    + settings.smallBalanceUnder() + " after " + f.statementsSent() + " statements; an administrative "
                    + "write-off, not bad debt" + tail, false);
        }
        return Optional.empty();
    }

    private Optional<Finding> found(Facts f, WriteOffKind kind, Money amount, List<AccountItem> items, String why,
                                    boolean refused) {
        return Optional.of(new Finding(f.accountKey(), kind, amount, ApprovalTier.of(kind, amount, settings), items,
                why, refused));
    }
}
