package org.rxledger.core.deposit;

import java.util.Locale;

/** How the money arrived: the 835 BPR04 payment method codes a bank statement can show. */
public enum DepositMethod {
    ACH("ACH / EFT"),
    CHK("Check"),
    FWT("Wire transfer"),
    BOP("Financial institution option");

    private final String label;

    DepositMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a code as a clerk or a bank export writes it ("ach", "EFT", "check", "CHK", "wire"). */
    public static DepositMethod parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "ACH", "EFT" -> ACH;
            case "CHK", "CHECK", "CHEQUE" -> CHK;
            case "FWT", "WIRE" -> FWT;
            case "BOP" -> BOP;
            default -> throw new IllegalArgumentException("Deposit method '" + text.trim()
                    + "' is not one of ACH (or EFT), CHK (or CHECK), FWT (or WIRE), BOP");
        };
    }
}
