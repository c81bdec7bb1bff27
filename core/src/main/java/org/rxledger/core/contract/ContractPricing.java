package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * The contract arithmetic as pure functions (ADR 0031). Every step is exact BigDecimal arithmetic on the published
 * unit prices (5 decimals) and the quantity; only the results are rounded to the cent, HALF_UP, so a price list with
 * fractions of a cent per unit does not drift by a cent per step.
 */
public final class ContractPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ContractPricing() {
    }

    /**
     * The version in force for a claim: among the versions whose routing covers the claim and that start on or before
     * its date of service, the most specific routing, then the latest start, then the later import.
     */
    public static Optional<ContractTerms> termsFor(List<ContractTerms> versions, String bin, String pcn, String groupId,
                                                   LocalDate dateOfService) {
        return versions.stream()
                .filter(v -> v.routing().covers(bin, pcn, groupId) && !v.effectiveFrom().isAfter(dateOfService))
                .max(Comparator.comparingInt((ContractTerms v) -> v.routing().specificity())
                        .thenComparing(ContractTerms::effectiveFrom).thenComparingLong(ContractTerms::id));
    }

    /** What the plan should pay for the claim under these terms, with the prices of the book on its date of service. */
    public static Expectation expect(ContractTerms terms, ClaimToPrice claim, PriceBook book) {
        Formula formula = terms.formulaFor(claim.brand());
        Optional<BigDecimal> unit = book.unitPrice(formula.basis(), terms.macList(), claim.ndc(), claim.dateOfService());
        if (unit.isEmpty()) {
            return Expectation.unpriced(terms, formula, "No " + formula.basis()
                    + (formula.basis() == PriceBasis.MAC ? " (list '" + terms.macList() + "')" : "")
                    + " price for NDC " + claim.ndc() + " on " + claim.dateOfService());
        }
        BigDecimal u = unit.get();
        BigDecimal factor = HUNDRED.add(formula.percent()).movePointLeft(2);
        BigDecimal formulaAmount = u.multiply(claim.quantity()).multiply(factor).add(formula.fee());
        StringBuilder working = new StringBuilder(formula.label()).append(": ")
                .append(u.toPlainString()).append(" × ").append(claim.quantity().stripTrailingZeros().toPlainString());
        if (formula.percent().signum() != 0) {
            working.append(" × ").append(factor.stripTrailingZeros().toPlainString());
        }
        working.append(" + ").append(cents(formula.fee())).append(" = ").append(cents(formulaAmount));
        BigDecimal contract = formulaAmount;
        String lesserOf = null;
        if (terms.lesserOfUc()) {
            if (lower(claim.usualAndCustomary(), contract)) {
                contract = claim.usualAndCustomary().amount();
                lesserOf = "U&C";
            }
            if (lower(claim.submitted(), contract)) {
                contract = claim.submitted().amount();
                lesserOf = "submitted";
            }
            if (lesserOf != null) {
                working.append("; lesser of ").append(lesserOf).append(' ').append(cents(contract));
            }
        }
        BigDecimal fees = terms.transactionFee().add(contract.multiply(terms.postAdjPercent()).movePointLeft(2))
                .add(terms.postAdjFlat());
        BigDecimal expected = contract.subtract(claim.patientPay().amount()).subtract(fees).max(BigDecimal.ZERO);
        working.append("; − patient pay ").append(cents(claim.patientPay().amount()));
        if (fees.signum() != 0) {
            working.append(" − fees ").append(cents(fees));
        }
        working.append(" = ").append(cents(expected));
        return new Expectation(terms, formula, u, money(formulaAmount), money(contract), lesserOf, money(fees),
                money(expected), working.toString(), null);
    }

    /** Cost per unit × quantity, to the cent. */
    public static Money acquisitionCost(BigDecimal unitCost, BigDecimal quantity) {
        return money(unitCost.multiply(quantity));
    }

    /** Cost per unit of an invoice line (kept exact to 10 places; only the claim's cost is rounded). */
    public static BigDecimal unitCost(BigDecimal cost, BigDecimal quantity) {
        return cost.divide(quantity, 10, RoundingMode.HALF_UP);
    }

    static Money money(BigDecimal exact) {
        return Money.of(exact.setScale(2, RoundingMode.HALF_UP));
    }

    private static String cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A zero U&C or submitted amount was not sent, so it takes no part in lesser-of. */
    private static boolean lower(Money amount, BigDecimal than) {
        return amount != null && amount.isPositive() && amount.amount().compareTo(than) < 0;
    }
}
