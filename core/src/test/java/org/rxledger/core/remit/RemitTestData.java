package org.rxledger.core.remit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.money.Money;

/** Builders for balanced pharmacy remittances (test data; every claim balances by construction). */
public final class RemitTestData {

    public static final LocalDate PAID_ON = LocalDate.of(2025, 3, 14);
    public static final String PAYEE_NPI = "1234567893";

    private RemitTestData() {
    }

    public static Interchange interchange(String control) {
        return new Interchange("ZZ", "ACMERXPBM", "ZZ", "MAPLESTRX", PAID_ON, "0905", control, "00501", "0", "P");
    }

    public static FunctionalGroup group(String control) {
        return new FunctionalGroup("HP", "ACMERXPBM", "MAPLESTRX", PAID_ON, "0905", control, "005010X221A1");
    }

    public static Payment payment(String isa, String gs, String st, String trace, Money amount) {
        Party payer = new Party("PR", "ACME RX SOLUTIONS", null, null, List.of("100 PAYER WAY"), "PHOENIX", "AZ",
                "85001", List.of(), List.of(new Contact("BL", "EDI SUPPORT",
                List.of(new Contact.ContactNumber("TE", "8005550100")))));
        Party payee = new Party("PE", "MAPLE STREET PHARMACY", "XX", PAYEE_NPI, List.of(), null, null, null,
                List.of(new Reference("TJ", "123456789"), new Reference("D3", "1234567")), List.of());
        FinancialInfo bpr = new FinancialInfo(amount.isZero() ? "H" : "I", amount, "C", amount.isZero() ? "NON" : "ACH",
                amount.isZero() ? null : "CCP", null, null, null, null, "1999999999", null, null, null, null, null,
                PAID_ON);
        return new Payment(interchange(isa), group(gs), st, bpr, new Trace("1", trace, "1999999999", null), List.of(),
                PAID_ON.minusDays(1), payer, payee);
    }

    /** A paid claim with one NDC line: CO-45 = charge − paid − copay, PR-3 = copay. */
    public static ClaimPayment lineClaim(String rx, String charge, String paid, String copay) {
        Money c = Money.parse(charge);
        Money p = Money.parse(paid);
        Money pr = Money.parse(copay);
        List<Adjustment> adjustments = adjustments(c, p, pr);
        ServiceLine line = ServiceLine.pharmacy("12345067890", c, p, new BigDecimal("30"), PAID_ON.minusDays(10),
                adjustments);
        return new ClaimPayment("1", rx, "1", c, p, pr, "12", "A" + rx.replace("-", ""), "01", "1", List.of(),
                List.of(ClaimName.patient("TESTPATIENT", "ALPHA", "ZQX" + rx.replace("-", ""))), List.of(), List.of(),
                List.of(), List.of(), List.of(line), List.of());
    }

    /** A claim reported at claim level only (DTM*232, claim-level CAS), e.g. a reversal with negated amounts. */
    public static ClaimPayment claimLevelClaim(String rx, String status, String charge, String paid, String copay) {
        Money c = Money.parse(charge);
        Money p = Money.parse(paid);
        Money pr = Money.parse(copay);
        return new ClaimPayment("1", rx, status, c, p, pr, "12", "A" + rx.replace("-", ""), "01",
                status.equals("22") ? "8" : "1", adjustments(c, p, pr),
                List.of(ClaimName.patient("TESTPATIENT", "GAMMA", "ZQX" + rx.replace("-", ""))),
                List.of(new Reference("F8", "ORIG" + rx)), List.of(new DateField("232", PAID_ON.minusDays(20))),
                List.of(), List.of(), List.of(), List.of());
    }

    private static List<Adjustment> adjustments(Money charge, Money paid, Money copay) {
        List<Adjustment> list = new ArrayList<>();
        Money contractual = charge.minus(paid).minus(copay);
        if (!contractual.isZero()) {
            list.add(new Adjustment("CO", "45", contractual, null));
        }
        if (!copay.isZero()) {
            list.add(new Adjustment("PR", "3", copay, null));
        }
        return list;
    }

    /** A one-transaction remittance whose BPR02 is Σ CLP04 − Σ PLB. */
    public static Remittance.Transaction transaction(String isa, String gs, String st, String trace,
                                                     List<ClaimPayment> claims, List<ProviderAdjustment> plb) {
        Money total = Money.ZERO;
        for (ClaimPayment c : claims) {
            total = total.plus(c.paid());
        }
        for (ProviderAdjustment a : plb) {
            total = total.minus(a.amount());
        }
        return new Remittance.Transaction(payment(isa, gs, st, trace, total), claims, plb);
    }

    public static ProviderAdjustment plb(String code, String reference, String amount) {
        return new ProviderAdjustment(PAYEE_NPI, LocalDate.of(2025, 12, 31), code, reference, Money.parse(amount));
    }

    public static String write(Remittance remittance, X12Delimiters delimiters) {
        StringWriter out = new StringWriter();
        try {
            X12RemittanceWriter.write(remittance, out, delimiters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String write(Remittance remittance) {
        return write(remittance, X12Delimiters.STANDARD);
    }
}
