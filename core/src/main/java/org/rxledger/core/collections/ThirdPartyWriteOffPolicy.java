package org.rxledger.core.collections;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * The third-party write-off rules of issue 18 as plain code: given one claim a plan still owes on and what its
 * remittances said, whether to give the rest up and why. Only the receivable still on the ledger is written off, so
 * a claim whose remittance was posted (the poster already booked a denial or short-pay as a CO adjustment, ADR 0007)
 * or that was paid twice (a credit owed back to the payer) is never a candidate.
 */
public final class ThirdPartyWriteOffPolicy {

    /** Account keys of claim-scope write-offs. */
    public static final String KEY_PREFIX = "C:";

    /**
     * What the remittances said of a claim; {@code lines} 0 when nothing was remitted.
     *
     * @param lastRemitted the payment date of the latest remittance naming the claim, null when none did
     */
    public record Remitted(Money expected, Money paid, int lines, boolean denied, boolean paidTwice,
                           LocalDate lastRemitted) {

        public static final Remitted NOTHING = new Remitted(Money.ZERO, Money.ZERO, 0, false, false, null);
    }

    private final CollectionSettings settings;

    public ThirdPartyWriteOffPolicy(CollectionSettings settings) {
        this.settings = settings;
    }

    public static String key(long claimId) {
        return KEY_PREFIX + claimId;
    }

    public Optional<WriteOffPolicy.Finding> evaluate(ClaimReceivable c, Remitted r, LocalDate asOf) {
        if (!c.balance().isPositive() || r.paidTwice()) {
            return Optional.empty();
        }
        if (r.lines() == 0) {
            long days = ChronoUnit.DAYS.between(c.dateOfService(), asOf);
            if (days < settings.neverPaidDays()) {
                return Optional.empty();
            }
            return found(c, WriteOffKind.NEVER_PAID, c.balance(), "never paid: no remittance names Rx " + c.rxFill()
                    + " of " + c.dateOfService() + ", " + days + " days after the date of service (the payer's inquiry "
                    + "window is " + settings.neverPaidDays() + " days); " + c.payer() + " still owes " + c.balance());
        }
        long days = ChronoUnit.DAYS.between(r.lastRemitted(), asOf);
        if (r.denied() && r.paid().isZero()) {
            if (c.rebilled() || days < settings.denialFinalDays()) {
                return Optional.empty();
            }
            return found(c, WriteOffKind.DENIAL_FINAL, c.balance(), "denial final: " + c.payer() + " denied Rx "
                    + c.rxFill() + " on the remittance of " + r.lastRemitted() + ", " + days + " days ago (appeal window "
                    + settings.denialFinalDays() + " days), and no rebill followed; " + c.balance() + " still on the receivable");
        }
        Money residue = r.expected().minus(r.paid());
        if (residue.isPositive() && !residue.isGreaterThan(settings.shortPayResidueMax())
                && days >= settings.shortPayResidueDays()) {
            Money amount = c.balance().isGreaterThan(residue) ? residue : c.balance();
            return found(c, WriteOffKind.SHORT_PAY_RESIDUE, amount, "short-pay residue: " + c.payer() + " paid "
                    + r.paid() + " of " + r.expected() + " on Rx " + c.rxFill() + " on " + r.lastRemitted() + ", " + days
                    + " days ago; the " + residue + " left is not worth disputing (at most "
                    + settings.shortPayResidueMax() + ")");
        }
        return Optional.empty();
    }

    private Optional<WriteOffPolicy.Finding> found(ClaimReceivable c, WriteOffKind kind, Money amount, String why) {
        AccountItem item = new AccountItem(key(c.claimId()), c.payer(), c.claimId(), c.patientId(), c.rxNumber(),
                c.fillNumber(), c.dateOfService(), null, amount, c.balance(), false);
        return Optional.of(new WriteOffPolicy.Finding(key(c.claimId()), kind, amount, ApprovalTier.of(kind, amount, settings),
                List.of(item), why, false));
    }
}
