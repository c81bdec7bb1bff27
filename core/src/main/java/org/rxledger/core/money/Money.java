package org.rxledger.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of US dollars with two decimals.
 *
 * <p>Money never passes through {@code double}: parsing, arithmetic and formatting are on
 * {@link BigDecimal} with scale 2. Results of arithmetic are exact (adding and subtracting
 * scale-2 values stays scale 2); {@link #of(BigDecimal)} refuses a value that would need rounding,
 * so a sub-cent amount is an error at the boundary, not a silent loss.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** Exact: refuses a value with more than two significant decimals. */
    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has fractions of a cent", e);
        }
    }

    /** Parses "12.30", "-5", "1,234.56" or "$7.00"; refuses anything else with a plain message. */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is empty");
        }
        String cleaned = text.strip().replace(",", "").replace("$", "");
        try {
            return of(new BigDecimal(cleaned));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an amount (expected e.g. 12.30)", e);
        }
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public BigDecimal amount() {
        return amount;
    }

    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    /** Multiplies by a whole or decimal factor, rounding half-up to the cent (e.g. a percentage). */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return new Money(amount.multiply(factor).setScale(2, rounding));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public int signum() {
        return amount.signum();
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public static Money sum(Iterable<Money> values) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Money m : values) {
            total = total.add(m.amount);
        }
        return new Money(total);
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain two-decimal form, e.g. {@code -55.10}; this is also the JSON/CSV form. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
