package org.rxledger.core.remit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.money.Money;

/**
 * Builds balanced pharmacy 835 payments in code — for the demo office's remittances, benchmarks and
 * tests. Every claim balances by construction (835 TR3: SVC02 − line CAS = SVC03, CLP03 − CAS = CLP04)
 * and every payment's BPR02 = Σ CLP04 − Σ PLB.
 */
public final class RemittanceBuilder {

    /** The payer and payee of a payment. */
    public record Parties(String payerName, String payerIdentifier, String payeeName, String payeeNpi,
                          String payeeNcpdp, String payeeTaxId) {
    }

    private RemittanceBuilder() {
    }

    /**
     * A claim payment with one NDC service line (DTM*472 = date of service) carrying the adjustments.
     * Pass the amounts as the payer sends them (negated for a reversal, CLP02 = 22).
     *
     * @param adjustments CAS triplets; must make charge − Σ = paid
     * @param references  claim REF segments (e.g. F8 original reference), may be empty
     */
    public static ClaimPayment claim(String clp01, String status, Money charge, Money paid, Money patientResponsibility,
                                     String clp07, LocalDate dateOfService, String ndc11, BigDecimal quantity,
                                     String memberId, List<Adjustment> adjustments, List<Reference> references) {
        Money cas = Money.sum(adjustments.stream().map(Adjustment::amount).toList());
        if (!charge.minus(cas).equals(paid)) {
            throw new IllegalArgumentException("claim " + clp01 + " does not balance: charge " + charge + " − adjustments "
                    + cas + " ≠ paid " + paid);
        }
        BigDecimal units = "22".equals(status) && quantity != null ? quantity.negate() : quantity;
        ServiceLine line = new ServiceLine(ProductId.ndc(ndc11), charge, paid, null, units, null, null,
                dateOfService == null ? List.of() : List.of(new DateField("472", dateOfService)), adjustments, List.of(),
                List.of(), List.of(), List.of());
        List<ClaimName> names = memberId == null ? List.of()
                : List.of(ClaimName.patient("PATIENT", "DEMO", memberId));
        return new ClaimPayment("1", clp01, status, charge, paid, patientResponsibility, "13", clp07, "01",
                "22".equals(status) ? "8" : "1", List.of(), names, references, List.of(), List.of(), List.of(),
                List.of(line), List.of());
    }

    /** CO-45 for charge − paid − patient share, PR-3 for the patient share (zero amounts left out). */
    public static List<Adjustment> contractualAndCopay(Money charge, Money paid, Money patientShare) {
        List<Adjustment> list = new ArrayList<>();
        Money contractual = charge.minus(paid).minus(patientShare);
        if (!contractual.isZero()) {
            list.add(new Adjustment("CO", "45", contractual, null));
        }
        if (!patientShare.isZero()) {
            list.add(new Adjustment("PR", "3", patientShare, null));
        }
        return list;
    }

    /** The same adjustments with amounts negated, as a reversal (CLP02 = 22) repeats them in 5010. */
    public static List<Adjustment> negated(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> new Adjustment(a.group(), a.reason(), a.amount().negate(), a.quantity())).toList();
    }

    /** A PLB pair; positive amount reduces the payment (DOMAIN.md §2.5). */
    public static ProviderAdjustment plb(String providerId, LocalDate fiscalPeriodEnd, String code, String reference, Money amount) {
        return new ProviderAdjustment(providerId, fiscalPeriodEnd, code, reference, amount);
    }

    /**
     * One payment (ST…SE) whose BPR02 is Σ CLP04 − Σ PLB. A payment that nets to zero is sent as
     * BPR01 H / BPR04 NON.
     *
     * @param control a number unique per file, used for the ISA/GS/ST control numbers
     */
    public static Remittance.Transaction payment(Parties parties, String trace, LocalDate paymentDate, int control,
                                                 List<ClaimPayment> claims, List<ProviderAdjustment> plb) {
        Money total = Money.ZERO;
        for (ClaimPayment c : claims) {
            total = total.plus(c.paid());
        }
        for (ProviderAdjustment a : plb) {
            total = total.minus(a.amount());
        }
        if (total.isNegative()) {
            throw new IllegalArgumentException("payment " + trace + " would be negative (" + total + "); add an FB/WO PLB");
        }
        String isa = String.format("%09d", control);
        Interchange interchange = new Interchange("ZZ", "PBMREMIT", "ZZ", parties.payeeNcpdp(), paymentDate, "0905", isa,
                "00501", "0", "P");
        FunctionalGroup group = new FunctionalGroup("HP", "PBMREMIT", parties.payeeNcpdp(), paymentDate, "0905",
                String.valueOf(control), "005010X221A1");
        Party payer = new Party("PR", parties.payerName(), null, null, List.of("100 PAYER WAY"), "PHOENIX", "AZ", "85001",
                List.of(), List.of(new Contact("BL", "EDI SUPPORT", List.of(new Contact.ContactNumber("TE", "8005550100")))));
        Party payee = new Party("PE", parties.payeeName(), "XX", parties.payeeNpi(), List.of(), null, null, null,
                List.of(new Reference("TJ", parties.payeeTaxId()), new Reference("D3", parties.payeeNcpdp())), List.of());
        boolean none = total.isZero();
        FinancialInfo bpr = new FinancialInfo(none ? "H" : "I", total, "C", none ? "NON" : "ACH", none ? null : "CCP",
                null, null, null, null, parties.payerIdentifier(), null, null, null, null, null, paymentDate);
        Payment payment = new Payment(interchange, group, "0001", bpr, new Trace("1", trace, parties.payerIdentifier(), null),
                List.of(), paymentDate.minusDays(1), payer, payee);
        return new Remittance.Transaction(payment, claims, plb);
    }

    /** Writes one or more payments as an 835 file. */
    public static void write(List<Remittance.Transaction> payments, Writer out) throws IOException {
        X12RemittanceWriter.write(new Remittance(payments), out, X12Delimiters.STANDARD);
    }
}
