package org.rxledger.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rxledger.core.demo.DemoOffice.ClaimPaymentDescription;
import org.rxledger.core.demo.DemoOffice.RemittanceDescription;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.Reference;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Remark;
import org.rxledger.core.remit.ServiceLine;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;

/**
 * The demo office's 835 files: one per payer and weekly cycle, as {@link DemoOffice#describeRemittances}
 * describes them, with the exceptions a billing office meets every week (DOMAIN.md §4.3) worked in on
 * purpose, deterministically:
 * <ul>
 *   <li>a few short-pays (an extra CO-45 cut) and denials (CO-16 for the whole plan share; one also with
 *       LQ*RX*75, an NCPDP reject code);</li>
 *   <li>a reversal (CLP02 = 22) in a later remittance followed by the corrected payment (REF*F8), and a
 *       reversal that is never repaid (of a claim with a plan payment, so money is still expected);</li>
 *   <li>a payment the matcher cannot place between two fills of one Rx (left for a person);</li>
 *   <li>a claim paid twice, taken back two remittances later by a PLB WO whose reference names it;</li>
 *   <li>a payment whose CLP01 names no claim of this pharmacy (unapplied cash);</li>
 *   <li>prompt-pay interest (PLB L6) and an ERA fee (PLB CS).</li>
 * </ul>
 * CLP01 layouts differ by payer like real companion guides: {@code 7001234-02}, {@code 700123402},
 * {@code 7001234} (Rx only, resolved by date of service) and {@code 7001234-02-20250303}.
 * The same code turns any list of claim descriptions into one large payment for benchmarks
 * ({@link #writeSinglePayment}).
 */
public final class DemoRemittances {

    /** What {@link #importAll} did. */
    public record Summary(int files, int payments, int claims, int matched, Money total) {
    }

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FISCAL_YEAR_END = LocalDate.of(2099, 12, 31);

    private DemoRemittances() {
    }

    /** The payments for the stored demo office as of a date, with the exceptions worked in; in payment-date order. */
    public static List<Remittance.Transaction> build(Transactions transactions, LocalDate asOf) {
        return transactions.read(tx -> {
            Pharmacy pharmacy = tx.port(ReferenceRepository.class).pharmacy()
                    .orElseThrow(() -> new IllegalStateException("There is no pharmacy yet: create the demo office first"));
            return build(DemoOffice.describeRemittances(tx, asOf), pharmacy);
        });
    }

    /** Pure: descriptions → payments. */
    public static List<Remittance.Transaction> build(List<RemittanceDescription> descriptions, Pharmacy pharmacy) {
        List<RemittanceDescription> sorted = new ArrayList<>(descriptions);
        sorted.sort(java.util.Comparator.comparing(RemittanceDescription::paymentDate)
                .thenComparingLong(RemittanceDescription::payerId));
        Map<Long, List<Draft>> byPayer = new LinkedHashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (RemittanceDescription d : sorted) {
            Draft draft = new Draft(d, payerStyle(d.payerId()));
            for (ClaimPaymentDescription c : d.claims()) {
                draft.claims.add(paid(c, draft.style, c.paid(), List.of()));
            }
            drafts.add(draft);
            byPayer.computeIfAbsent(d.payerId(), k -> new ArrayList<>()).add(draft);
        }
        List<List<Draft>> payers = byPayer.values().stream().filter(l -> l.size() >= 3 && l.get(0).d.claims().size() >= 8).toList();
        if (!payers.isEmpty()) {
            List<Draft> p = payers.get(0);
            Draft r0 = p.get(0);
            Draft r1 = p.get(1);
            Draft r2 = p.get(2);
            List<ClaimPaymentDescription> c = r0.d.claims();
            shortPay(r0, 0, c.get(0));
            shortPay(r0, 1, c.get(1));
            deny(r0, 2, c.get(2));
            // reversal in the next remittance, then the corrected payment (REF*F8 = the original CLP07)
            r1.claims.add(reversal(c.get(3), r1.style));
            r1.claims.add(paid(c.get(3), r1.style, c.get(3).paid(),
                    c.get(3).authorizationNumber() == null ? List.of() : List.of(new Reference("F8", c.get(3).authorizationNumber()))));
            // reversed and never repaid: a claim the plan paid something for, so money is still expected
            r1.claims.add(reversal(c.get(withPlanMoney(c, 4, Set.of(5))), r1.style));
            // paid twice, taken back by a WO naming the claim two remittances later
            r1.claims.add(paid(c.get(5), r1.style, c.get(5).paid(), List.of()));
            r2.plb.add(RemittanceBuilder.plb(pharmacy.npi(), FISCAL_YEAR_END, "WO",
                    c.get(5).rxNumber() + "-" + String.format(Locale.ROOT, "%02d", c.get(5).fillNumber()), c.get(5).paid()));
            // a payment for a claim this pharmacy never billed (another store's Rx)
            r1.claims.add(RemittanceBuilder.claim("9900001-01", "1", Money.parse("30.00"), Money.parse("12.34"),
                    Money.parse("5.00"), "X99000001", r1.d.cycleStart(), "00093505601", null, "UNKNOWN01",
                    RemittanceBuilder.contractualAndCopay(Money.parse("30.00"), Money.parse("12.34"), Money.parse("5.00")),
                    List.of()));
            r1.plb.add(RemittanceBuilder.plb(pharmacy.npi(), FISCAL_YEAR_END, "L6", null, Money.parse("-3.17")));
            r2.plb.add(RemittanceBuilder.plb(pharmacy.npi(), FISCAL_YEAR_END, "CS", "ERA FEE", Money.parse("1.50")));
            if (r2.d.claims().size() >= 2) {
                // paid more than adjudicated (over-paid) and a CLP05 that differs from the adjudicated patient pay
                ClaimPaymentDescription o = r2.d.claims().get(0);
                r2.claims.set(0, paid(o, r2.style, o.paid().plus(Money.parse("1.25")), List.of()));
                r2.claims.set(1, patientPayOff(r2.d.claims().get(1), r2.style, Money.parse("2.00")));
            }
            if (r2.d.claims().size() >= 3) {
                // denied with an NCPDP reject code in LQ*RX (75, prior authorization required)
                int i = withPlanMoney(r2.d.claims(), 2, Set.of());
                deny(r2, i, r2.d.claims().get(i));
                r2.claims.set(i, withRemark(r2.claims.get(i), new Remark("RX", "75")));
            }
            // a payment whose CLP01 names one fill and CLP07 another fill of the same Rx: the matcher cannot
            // choose, so it waits for a person with both fills as candidates (never posted automatically)
            ambiguous(r1, p);
            // a WO takeback whose reference names no claim (not attributable)
            r2.plb.add(RemittanceBuilder.plb(pharmacy.npi(), FISCAL_YEAR_END, "WO", "AUDIT2025Q1", Money.parse("4.80")));
        }
        if (payers.size() > 1) {
            List<Draft> q = payers.get(1);
            Draft r0 = q.get(0);
            shortPay(r0, 0, r0.d.claims().get(0));
            deny(r0, 1, r0.d.claims().get(1));
        }
        List<Remittance.Transaction> result = new ArrayList<>();
        int control = 1;
        for (Draft d : drafts) {
            result.add(d.toPayment(pharmacy, control++));
        }
        return result;
    }

    /** Writes each payment as its own 835 file in {@code dir} (created if missing); returns the files in order. */
    public static List<Path> writeFiles(List<Remittance.Transaction> payments, Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int n = 1;
            for (Remittance.Transaction t : payments) {
                Path file = dir.resolve(String.format(Locale.ROOT, "%03d-%s-%s.835", n++,
                        t.payment().financial().paymentDate().format(YYYYMMDD), t.payment().traceNumber()));
                write(t, file);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo 835 files to " + dir, e);
        }
        return files;
    }

    /** Writes one payment as an 835 file. */
    public static void write(Remittance.Transaction payment, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payment), w);
        }
    }

    /**
     * Writes the demo office's remittances to {@code dir} and imports them in payment-date order through
     * the given import service (which matches and posts them). Stops at the first file that is not imported.
     */
    public static Summary importAll(Transactions transactions, RemittanceImportService imports, LocalDate asOf, Path dir) {
        List<Path> files = writeFiles(build(transactions, asOf), dir);
        int payments = 0;
        int claims = 0;
        int matched = 0;
        Money total = Money.ZERO;
        for (Path f : files) {
            ImportOutcome outcome = imports.importFile(f, ProgressListener.NONE, () -> false);
            if (!(outcome instanceof ImportOutcome.Imported imported)) {
                throw new IllegalStateException("Demo remittance " + f.getFileName() + " was not imported: " + outcome);
            }
            for (var p : imported.payments()) {
                payments++;
                claims += p.claimCount();
                matched += p.matchedCount();
                total = total.plus(p.amount());
            }
        }
        return new Summary(files.size(), payments, claims, matched, total);
    }

    /**
     * One payment with every described claim (e.g. 100k) in one 835 file: the benchmark's input.
     * CLP01 = Rx-fill, CLP07 = authorization number.
     */
    public static void writeSinglePayment(Path file, Pharmacy pharmacy, String payerName, String payerIdentifier,
                                          String trace, LocalDate paymentDate, List<ClaimPaymentDescription> claims)
            throws IOException {
        List<ClaimPayment> lines = new ArrayList<>(claims.size());
        for (ClaimPaymentDescription c : claims) {
            lines.add(paid(c, 0, c.paid(), List.of()));
        }
        Remittance.Transaction t = RemittanceBuilder.payment(parties(pharmacy, payerName, payerIdentifier), trace,
                paymentDate, 1, lines, List.of());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(t), w);
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static final class Draft {
        final RemittanceDescription d;
        final int style;
        final List<ClaimPayment> claims = new ArrayList<>();
        final List<ProviderAdjustment> plb = new ArrayList<>();

        Draft(RemittanceDescription d, int style) {
            this.d = d;
            this.style = style;
        }

        Remittance.Transaction toPayment(Pharmacy pharmacy, int control) {
            Money total = Money.sum(claims.stream().map(ClaimPayment::paid).toList())
                    .minus(Money.sum(plb.stream().map(ProviderAdjustment::amount).toList()));
            if (total.isNegative()) {
                // take-backs exceed payments: the payer carries the balance forward (DOMAIN.md §2.5)
                plb.add(RemittanceBuilder.plb(pharmacy.npi(), FISCAL_YEAR_END, "FB", d.traceNumber(), total));
            }
            return RemittanceBuilder.payment(parties(pharmacy, d.payerName(), d.payerIdentifier()), d.traceNumber(),
                    d.paymentDate(), control, claims, plb);
        }
    }

    private static RemittanceBuilder.Parties parties(Pharmacy pharmacy, String payerName, String payerIdentifier) {
        return new RemittanceBuilder.Parties(payerName, payerIdentifier == null || payerIdentifier.isBlank() ? "1999999999"
                : payerIdentifier, pharmacy.name(), pharmacy.npi(), pharmacy.ncpdpId(), "123456789");
    }

    /** 0: 7001234-02, 1: 700123402, 2: 7001234 (Rx only), 3: 7001234-02-CCYYMMDD. */
    private static int payerStyle(long payerId) {
        return Math.floorMod(payerId - 1, 4);
    }

    static String clp01(ClaimPaymentDescription c, int style) {
        String fill = String.format(Locale.ROOT, "%02d", c.fillNumber());
        return switch (style) {
            case 1 -> c.rxNumber() + fill;
            case 2 -> c.rxNumber();
            case 3 -> c.rxNumber() + "-" + fill + "-" + c.dateOfService().format(YYYYMMDD);
            default -> c.rxNumber() + "-" + fill;
        };
    }

    private static ClaimPayment paid(ClaimPaymentDescription c, int style, Money paid, List<Reference> refs) {
        Money cut = c.paid().minus(paid);
        List<Adjustment> adj = new ArrayList<>();
        Money co = c.contractualAdjustment().plus(cut);
        if (!co.isZero()) {
            adj.add(new Adjustment("CO", "45", co, null));
        }
        if (!c.patientResponsibility().isZero()) {
            adj.add(new Adjustment("PR", "3", c.patientResponsibility(), null));
        }
        return RemittanceBuilder.claim(clp01(c, style), "1", c.charged(), paid, c.patientResponsibility(),
                c.authorizationNumber(), c.dateOfService(), c.ndc(), null, c.cardholderId(), adj, refs);
    }

    private static ClaimPayment reversal(ClaimPaymentDescription c, int style) {
        ClaimPayment original = paid(c, style, c.paid(), List.of());
        return RemittanceBuilder.claim(clp01(c, style), "22", c.charged().negate(), c.paid().negate(),
                c.patientResponsibility().negate(), c.authorizationNumber(), c.dateOfService(), c.ndc(), null,
                c.cardholderId(), RemittanceBuilder.negated(original.serviceLines().get(0).adjustments()), List.of());
    }

    /** Paid as adjudicated, but CLP05 (PR-3) is {@code extra} higher, taken from the contractual adjustment. */
    private static ClaimPayment patientPayOff(ClaimPaymentDescription c, int style, Money extra) {
        Money pr = c.patientResponsibility().plus(extra);
        Money co = c.charged().minus(c.paid()).minus(pr);
        List<Adjustment> adj = new ArrayList<>();
        if (!co.isZero()) {
            adj.add(new Adjustment("CO", "45", co, null));
        }
        adj.add(new Adjustment("PR", "3", pr, null));
        return RemittanceBuilder.claim(clp01(c, style), "1", c.charged(), c.paid(), pr, c.authorizationNumber(),
                c.dateOfService(), c.ndc(), null, c.cardholderId(), adj, List.of());
    }

    /** The first claim from {@code from} on, not in {@code skip}, with a plan payment (else {@code from}). */
    private static int withPlanMoney(List<ClaimPaymentDescription> claims, int from, Set<Integer> skip) {
        for (int i = from; i < claims.size(); i++) {
            if (!skip.contains(i) && claims.get(i).paid().isGreaterThan(Money.parse("1.00"))) {
                return i;
            }
        }
        return from;
    }

    /** The claim payment with LQ remark codes on its service line (e.g. LQ*RX*75, an NCPDP reject code). */
    private static ClaimPayment withRemark(ClaimPayment p, Remark... remarks) {
        List<ServiceLine> lines = p.serviceLines().stream().map(l -> new ServiceLine(l.product(), l.charge(), l.paid(),
                l.revenueCode(), l.unitsPaid(), l.originalProduct(), l.originalUnits(), l.dates(), l.adjustments(),
                l.references(), l.amounts(), l.quantities(), List.of(remarks))).toList();
        return new ClaimPayment(p.headerNumber(), p.patientControlNumber(), p.status(), p.charge(), p.paid(),
                p.patientResponsibility(), p.filingIndicator(), p.payerClaimControlNumber(), p.facilityTypeCode(),
                p.frequencyCode(), p.adjustments(), p.names(), p.references(), p.dates(), p.amounts(), p.quantities(),
                lines, p.rawSegments());
    }

    /**
     * Replaces one of the draft's claim payments (claim A) by one the matcher cannot decide: its amounts,
     * member, NDC and CLP07 are claim A's, but CLP01 and the date of service name another fill B of the same
     * Rx and drug (a payer keying error). A wins on CLP07 and the amounts, B on fill and date of service: the
     * scores are too close (ClaimMatcher.MIN_LEAD), so the line goes to the review queue with both fills. A and
     * B must differ in plan paid or patient pay, or B would win on the amounts too. Nothing changes when the
     * payer has no such pair.
     */
    private static void ambiguous(Draft draft, List<Draft> payer) {
        List<ClaimPaymentDescription> own = draft.d.claims();
        for (int i = 0; i < own.size(); i++) {
            ClaimPaymentDescription a = own.get(i);
            if (a.authorizationNumber() == null || !a.paid().isGreaterThan(Money.parse("1.00"))) {
                continue;
            }
            for (Draft other : payer) {
                for (ClaimPaymentDescription b : other.d.claims()) {
                    if (b.rxNumber().equals(a.rxNumber()) && b.fillNumber() != a.fillNumber()
                            && java.util.Objects.equals(b.ndc(), a.ndc())
                            && java.util.Objects.equals(b.cardholderId(), a.cardholderId())
                            && !b.dateOfService().equals(a.dateOfService())
                            && !(b.paid().equals(a.paid()) && b.patientResponsibility().equals(a.patientResponsibility()))) {
                        ClaimPayment line = paid(a, draft.style, a.paid(), List.of());
                        draft.claims.set(i, RemittanceBuilder.claim(clp01(b, draft.style), "1", a.charged(), a.paid(),
                                a.patientResponsibility(), a.authorizationNumber(), b.dateOfService(), a.ndc(), null,
                                a.cardholderId(), line.serviceLines().get(0).adjustments(), List.of()));
                        return;
                    }
                }
            }
        }
    }

    private static void shortPay(Draft draft, int index, ClaimPaymentDescription c) {
        Money cut = c.paid().isGreaterThan(Money.parse("20.00")) ? Money.parse("2.50")
                : c.paid().times(new java.math.BigDecimal("0.10"), java.math.RoundingMode.HALF_UP);
        draft.claims.set(index, paid(c, draft.style, c.paid().minus(cut), List.of()));
    }

    private static void deny(Draft draft, int index, ClaimPaymentDescription c) {
        List<Adjustment> adj = new ArrayList<>();
        adj.add(new Adjustment("CO", "16", c.charged().minus(c.patientResponsibility()), null));
        if (!c.patientResponsibility().isZero()) {
            adj.add(new Adjustment("PR", "3", c.patientResponsibility(), null));
        }
        draft.claims.set(index, RemittanceBuilder.claim(clp01(c, draft.style), "1", c.charged(), Money.ZERO,
                c.patientResponsibility(), c.authorizationNumber(), c.dateOfService(), c.ndc(), null, c.cardholderId(),
                adj, List.of()));
    }
}
