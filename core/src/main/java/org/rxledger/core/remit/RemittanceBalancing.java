package org.rxledger.core.remit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * The balancing rules of the 835 TR3 (DOMAIN.md §2.6) and the sign rule of reversals (§2.7), as pure
 * functions over the model: a claim or payment built in code is checked exactly as one read from a file.
 * The reader applies them as it goes (without holding a payment's claims) and puts the file, segment and
 * claim in front of each {@link Imbalance}'s message.
 */
public final class RemittanceBalancing {

    private RemittanceBalancing() {
    }

    /**
     * One broken rule.
     *
     * @param element the element that disagrees: SVC03, CLP04, CLP05 or BPR02
     * @param serviceLine the service line (1 = first SVC of the claim) for SVC03, else 0
     * @param message what the amounts come to versus what the element says
     */
    public record Imbalance(String element, int serviceLine, String message) {
    }

    /** A service line's amounts, as far as the rules need them (the reader has no {@link ServiceLine} yet). */
    record LineAmounts(Money charge, Money paid, List<Adjustment> adjustments) {
    }

    /** The claim- and line-level rules (§2.6 rules 1–3) and the reversal sign rule; empty when it balances. */
    public static List<Imbalance> claim(ClaimPayment claim) {
        List<LineAmounts> lines = new ArrayList<>(claim.serviceLines().size());
        for (ServiceLine line : claim.serviceLines()) {
            lines.add(new LineAmounts(line.charge(), line.paid(), line.adjustments()));
        }
        return claim(claim.status(), claim.charge(), claim.paid(), claim.patientResponsibility(), claim.adjustments(),
                lines);
    }

    /**
     * {@link #claim(ClaimPayment)} over the amounts alone, in the order a clerk reads them: each line, then
     * CLP04, CLP05 and the reversal sign.
     *
     * @param patientResponsibility CLP05, null when absent (counts as zero)
     */
    static List<Imbalance> claim(String status, Money charge, Money paid, Money patientResponsibility,
                                 List<Adjustment> claimAdjustments, List<LineAmounts> lines) {
        List<Imbalance> found = new ArrayList<>(0);
        Money allAdjustments = sum(claimAdjustments, false);
        Money patientAdjustments = sum(claimAdjustments, true);
        for (int i = 0; i < lines.size(); i++) {
            LineAmounts line = lines.get(i);
            Money lineAdjustments = sum(line.adjustments(), false);
            allAdjustments = allAdjustments.plus(lineAdjustments);
            patientAdjustments = patientAdjustments.plus(sum(line.adjustments(), true));
            // 835 TR3 balancing: SVC02 − Σ line CAS = SVC03
            Money expected = line.charge().minus(lineAdjustments);
            if (!expected.equals(line.paid())) {
                found.add(new Imbalance("SVC03", i + 1, "SVC02 " + line.charge() + " minus line adjustments "
                        + lineAdjustments + " comes to " + expected + " but SVC03 says " + line.paid()));
            }
        }
        // 835 TR3 balancing: CLP03 − Σ claim CAS − Σ line CAS = CLP04
        Money expected = charge.minus(allAdjustments);
        if (!expected.equals(paid)) {
            found.add(new Imbalance("CLP04", 0, "CLP03 " + charge + " minus claim and line adjustments "
                    + allAdjustments + " comes to " + expected + " but CLP04 says " + paid));
        }
        // DOMAIN.md §2.6 rule 3: CLP05 = Σ PR-group adjustments (absent CLP05 counts as zero)
        Money patient = patientResponsibility == null ? Money.ZERO : patientResponsibility;
        if (!patient.equals(patientAdjustments)) {
            found.add(new Imbalance("CLP05", 0, "CLP05 patient responsibility says " + patient
                    + " but the PR adjustments add up to " + patientAdjustments));
        }
        // DOMAIN.md §2.7: a reversal (CLP02 22) repeats the original with negated amounts
        if (ClaimPayment.REVERSAL.equals(status) && (charge.isPositive() || paid.isPositive())) {
            found.add(new Imbalance("CLP04", 0, "a reversal (CLP02 22) must carry negated amounts, found "
                    + "CLP03 " + charge + " and CLP04 " + paid));
        }
        return found;
    }

    /** The payment rule (§2.6 rule 4) over a whole transaction: BPR02 = Σ CLP04 − Σ PLB. */
    public static Optional<Imbalance> payment(Remittance.Transaction transaction) {
        Money claimsPaid = Money.ZERO;
        for (ClaimPayment claim : transaction.claims()) {
            claimsPaid = claimsPaid.plus(claim.paid());
        }
        Money providerAdjustments = Money.ZERO;
        for (ProviderAdjustment adjustment : transaction.providerAdjustments()) {
            providerAdjustments = providerAdjustments.plus(adjustment.amount());
        }
        return payment(transaction.payment().amount(), claimsPaid, providerAdjustments);
    }

    /**
     * The payment rule over its sums; a positive provider adjustment reduces the payment (DOMAIN.md §2.5).
     *
     * @param amount BPR02
     */
    static Optional<Imbalance> payment(Money amount, Money claimsPaid, Money providerAdjustments) {
        Money expected = claimsPaid.minus(providerAdjustments);
        if (expected.equals(amount)) {
            return Optional.empty();
        }
        return Optional.of(new Imbalance("BPR02", 0, "BPR02 says " + amount + " but claims minus provider "
                + "adjustments come to " + expected + " (claims " + claimsPaid + ", provider adjustments "
                + providerAdjustments + ")"));
    }

    private static Money sum(List<Adjustment> adjustments, boolean patientOnly) {
        Money total = Money.ZERO;
        for (Adjustment a : adjustments) {
            if (!patientOnly || a.isPatientResponsibility()) {
                total = total.plus(a.amount());
            }
        }
        return total;
    }
}
