package org.rxledger.core.remit;

import static org.rxledger.core.remit.ReadContext.nz;
import static org.rxledger.core.remit.ReadContext.printable;
import static org.rxledger.core.remit.X12Segment.element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTable;
import org.rxledger.core.reference.CodeTables;

/**
 * The claim part of the model builder: collects loop 2100 (CLP and its segments) and loop 2110 (SVC and
 * its segments) of the current payment, checks codes and composites, applies the claim balancing rules of
 * {@link RemittanceBalancing} and delivers each claim that passes. Only the current claim is held.
 */
final class ClaimLoopBuilder {

    /** 5010 CAS01 group codes; CR existed only in 4010 (DOMAIN.md §2.4). */
    private static final Set<String> GROUP_CODES = Set.of("CO", "OA", "PI", "PR");
    /** SVC01-1 product/service id qualifiers allowed by 005010X221A1. */
    private static final Set<String> PRODUCT_QUALIFIERS = Set.of("AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU",
            "UI", "WK");

    private final ReadContext context;
    private final PaymentBuilder payment;
    private ClaimBuilder claim;

    ClaimLoopBuilder(ReadContext context, PaymentBuilder payment) {
        this.context = context;
        this.payment = payment;
    }

    /** True while a CLP is open. */
    boolean open() {
        return claim != null;
    }

    /** Forgets a claim a broken transaction set left open. */
    void clear() {
        claim = null;
    }

    void clp(X12Segment s, String lx) {
        claim = new ClaimBuilder(s, lx == null ? "" : lx);
        addRaw(s);
        boolean ok = context.required(s, 1) & context.required(s, 2) & context.required(s, 6);
        claim.charge = context.money(s, 3, true);
        claim.paid = context.money(s, 4, true);
        claim.patientResponsibility = context.money(s, 5, false);
        CodeTables codes = CodeTables.standard();
        String status = context.value(s, 2);
        if (status != null && !ElementRules.inList(codes.claimStatuses(), status)) {
            context.problem(s, "CLP02", claimLabel() + ": claim status '" + printable(status)
                    + "' is not a 5010 CLP02 code");
            ok = false;
        }
        String filing = context.value(s, 6);
        if (filing != null && !ElementRules.inList(codes.claimFilingIndicators(), filing)) {
            context.problem(s, "CLP06", claimLabel() + ": claim filing indicator '" + printable(filing) + "' is not a "
                    + "005010X221A1 CLP06 code (" + String.join(", ", codeList(codes.claimFilingIndicators())) + ")");
            ok = false;
        }
        String frequency = context.value(s, 9);
        if (frequency != null && !ElementRules.inList(codes.claimFrequencies(), frequency)) {
            context.problem(s, "CLP09", claimLabel() + ": claim frequency '" + printable(frequency)
                    + "' is not a CLP09 code (1 original, 7 replacement, 8 void, or another one-character type-of-bill frequency)");
            ok = false;
        }
        claim.ok = ok && claim.charge != null && claim.paid != null && (claim.patientResponsibility != null
                || !s.has(5));
    }

    /** Keeps the segment for the claim's raw text, which must fit remit_claim.raw_segments. */
    private void addRaw(X12Segment s) {
        claim.raw.add(s);
        // "17: CLP*…" plus the line break (JdbiRemittanceRepository.raw)
        claim.rawLength += String.valueOf(s.number).length() + 3 + s.length();
        if (claim.rawLength > ElementRules.MAX_CLAIM_RAW_LENGTH && claim.ok) {
            context.problem(s, "", claimLabel() + ": the claim's segments come to more than "
                    + ElementRules.MAX_CLAIM_RAW_LENGTH + " characters, more than RxLedger keeps for one claim");
            claim.ok = false;
        }
    }

    String claimLabel() {
        return payment.paymentLabel() + ", claim " + (claim == null ? "?" : printable(nz(context.value(claim.clp, 1))));
    }

    private static List<String> codeList(CodeTable table) {
        return table.all().stream().map(CodeTable.Code::code).sorted().toList();
    }

    void segment(X12Segment s) {
        addRaw(s);
        LineBuilder line = claim.line;
        switch (s.id) {
            case "SVC" -> svc(s);
            case "CAS" -> cas(s, line != null ? line.adjustments : claim.adjustments);
            case "REF" -> {
                Reference r = context.reference(s);
                if (r != null) {
                    (line != null ? line.references : claim.references).add(r);
                }
            }
            case "DTM" -> {
                DateField d = payment.dateField(s, line != null ? ElementRules.DateLoop.SERVICE_LINE
                        : ElementRules.DateLoop.CLAIM);
                if (d != null) {
                    (line != null ? line.dates : claim.dates).add(d);
                } else {
                    claim.ok = false;
                }
            }
            case "AMT" -> {
                Money amount = context.money(s, 2, true);
                if (context.required(s, 1) && amount != null) {
                    (line != null ? line.amounts : claim.amounts).add(new AmountField(context.value(s, 1), amount));
                }
            }
            case "QTY" -> {
                BigDecimal q = context.decimal(s, 2, true);
                if (context.required(s, 1) && q != null) {
                    (line != null ? line.quantities : claim.quantities).add(new QuantityField(context.value(s, 1), q));
                }
            }
            case "LQ" -> {
                if (line == null) {
                    context.problem(s, "", claimLabel() + ": LQ remarks belong to a service line (after SVC)");
                } else if (context.required(s, 1) && context.required(s, 2)) {
                    line.remarks.add(new Remark(context.value(s, 1), context.value(s, 2)));
                }
            }
            case "NM1" -> {
                if (line != null) {
                    context.problem(s, "", claimLabel() + ": NM1 belongs to the claim, before its first SVC");
                } else if (context.required(s, 1)) {
                    claim.names.add(new ClaimName(context.value(s, 1), context.value(s, 2), context.value(s, 3),
                            context.value(s, 4), context.value(s, 5),
                            context.value(s, 7), context.value(s, 8), context.value(s, 9)));
                }
            }
            case "MIA", "MOA", "PER" -> {
                if (line != null) {
                    context.problem(s, "", claimLabel() + ": " + s.id + " belongs to the claim, before its first SVC");
                }
                // institutional/outpatient adjudication and claim contact: kept in the raw segments only
            }
            default -> context.problem(s, "", "segment " + s.id + " is not part of an 835 claim (loop 2100/2110)");
        }
    }

    private void svc(X12Segment s) {
        claim.finishLine();
        LineBuilder line = new LineBuilder(s, claim.lines.size() + 1);
        claim.line = line;
        line.product = product(s, 1, true);
        line.charge = context.money(s, 2, true);
        line.paid = context.money(s, 3, true);
        line.revenueCode = context.value(s, 4);
        line.units = context.decimal(s, 5, false);
        line.originalProduct = s.has(6) ? product(s, 6, false) : null;
        line.originalUnits = context.decimal(s, 7, false);
        line.ok = line.product != null && line.charge != null && line.paid != null
                && (line.units != null || !s.has(5)) && (line.originalUnits != null || !s.has(7));
    }

    /**
     * SVC01/SVC06 composite. Some senders use a component separator other than the ISA16 they declare
     * (e.g. HC>99211 with ISA16 ':'); the qualifier then swallows the code and the check below names it.
     */
    private ProductId product(X12Segment s, int position, boolean required) {
        String element = element(s.id, position);
        List<String> parts = s.components(position);
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            if (required) {
                context.problem(s, element, claimLabel() + ": the product/service id (qualifier" + context.componentSep
                        + "code, e.g. N4" + context.componentSep + "NDC) is missing");
            }
            return null;
        }
        String qualifier = parts.get(0);
        if (parts.size() < 2 || parts.get(1).isEmpty()) {
            context.problem(s, element, claimLabel() + ": product/service id '" + printable(qualifier) + "' is not a "
                    + "qualifier and code separated by '" + context.componentSep + "' (the component separator "
                    + "declared in ISA16)");
            return null;
        }
        if (!PRODUCT_QUALIFIERS.contains(qualifier)) {
            context.problem(s, element, claimLabel() + ": product/service id qualifier '" + printable(qualifier)
                    + "' is not one of " + String.join(", ", new TreeSet<>(PRODUCT_QUALIFIERS)));
            return null;
        }
        List<String> rest = new ArrayList<>(parts.subList(2, parts.size()));
        while (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
            rest.remove(rest.size() - 1);
        }
        return new ProductId(qualifier, parts.get(1), rest);
    }

    /** CAS: group code then up to six reason/amount/quantity triplets (CAS02–CAS19). */
    private void cas(X12Segment s, List<Adjustment> into) {
        String group = context.value(s, 1);
        if ("CR".equals(group)) {
            context.problem(s, "CAS01", "group code CR exists only in 4010 (004010X091A1) remittances; "
                    + ReadContext.NOT_4010);
            claim.ok = false;
            return;
        }
        if (group == null || !GROUP_CODES.contains(group)) {
            context.problem(s, "CAS01", claimLabel() + ": adjustment group must be CO, PR, OA or PI, found '"
                    + nz(group) + "'");
            claim.ok = false;
            return;
        }
        int triplets = 0;
        for (int i = 2; i <= 17; i += 3) {
            if (!s.has(i) && !s.has(i + 1) && !s.has(i + 2)) {
                continue;
            }
            String reason = context.value(s, i);
            Money amount = context.money(s, i + 1, true);
            BigDecimal quantity = context.decimal(s, i + 2, false);
            if (reason == null) {
                context.problem(s, element(s.id, i), claimLabel() + ": an adjustment amount has no reason "
                        + "code (CARC)");
                claim.ok = false;
            } else if (reason.length() > 5) {
                context.problem(s, element(s.id, i), claimLabel() + ": '" + printable(reason) + "' is not a claim "
                        + "adjustment reason code (CARC, 1–5 characters)");
                claim.ok = false;
            } else if (amount == null || (quantity == null && s.has(i + 2))) {
                claim.ok = false;
            } else {
                into.add(new Adjustment(group, reason, amount, quantity));
                triplets++;
            }
        }
        if (triplets == 0 && claim.ok) {
            context.problem(s, "CAS02", claimLabel() + ": a CAS segment needs at least one reason code and amount");
            claim.ok = false;
        }
    }

    void finish() {
        if (claim == null) {
            return;
        }
        ClaimBuilder c = claim; // stays current until the end of this method, for claimLabel()
        c.finishLine();
        boolean ok = c.ok;
        boolean amountsKnown = c.ok && c.charge != null && c.paid != null;
        for (LineBuilder line : c.lines) {
            ok &= line.ok;
            amountsKnown &= line.charge != null && line.paid != null;
        }
        if (c.names.stream().noneMatch(n -> n.entityCode().equals("QC"))) {
            context.problem(c.clp, "", claimLabel() + ": the patient name (NM1*QC) is missing; it is required in every "
                    + "claim");
            ok = false;
        }
        // balance whenever the amounts are readable, even if another element is wrong, so the clerk
        // sees every problem of the claim at once
        if (amountsKnown) {
            ok &= balance(c);
        }
        if (ok && payment.payment() != null && context.handler.wantsClaims()) {
            context.handler.claim(c.build(context.elementSep, context.componentSep));
        }
        payment.claimFinished(c.paid);
        claim = null;
    }

    /** The claim- and line-level balancing rules, each problem put on the segment that disagrees. */
    private boolean balance(ClaimBuilder c) {
        List<RemittanceBalancing.LineAmounts> lines = new ArrayList<>(c.lines.size());
        for (LineBuilder line : c.lines) {
            lines.add(new RemittanceBalancing.LineAmounts(line.charge, line.paid, line.adjustments));
        }
        List<RemittanceBalancing.Imbalance> imbalances = RemittanceBalancing.claim(context.value(c.clp, 2), c.charge,
                c.paid, c.patientResponsibility, c.adjustments, lines);
        for (RemittanceBalancing.Imbalance imbalance : imbalances) {
            if (imbalance.serviceLine() > 0) {
                context.problem(c.lines.get(imbalance.serviceLine() - 1).svc, imbalance.element(), claimLabel()
                        + ", service line " + imbalance.serviceLine() + ": " + imbalance.message());
            } else {
                context.problem(c.clp, imbalance.element(), claimLabel() + ": " + imbalance.message());
            }
        }
        return imbalances.isEmpty();
    }

    /** Collects loop 2100 until the next CLP, LX, PLB or SE. */
    private static final class ClaimBuilder {
        final X12Segment clp;
        final String lx;
        boolean ok;
        Money charge;
        Money paid;
        Money patientResponsibility;
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<ClaimName> names = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<DateField> dates = new ArrayList<>();
        final List<AmountField> amounts = new ArrayList<>();
        final List<QuantityField> quantities = new ArrayList<>();
        final List<LineBuilder> lines = new ArrayList<>();
        final List<X12Segment> raw = new ArrayList<>();
        long rawLength;
        LineBuilder line;

        ClaimBuilder(X12Segment clp, String lx) {
            this.clp = clp;
            this.lx = lx;
        }

        void finishLine() {
            if (line != null) {
                lines.add(line);
                line = null;
            }
        }

        private String v(int position, char componentSep) {
            List<String> parts = clp.components(position);
            String joined = parts.size() == 1 ? parts.get(0) : String.join(String.valueOf(componentSep), parts);
            return joined.isEmpty() ? null : joined;
        }

        ClaimPayment build(char elementSep, char componentSep) {
            List<RawSegment> rawSegments = new ArrayList<>(raw.size());
            for (X12Segment s : raw) {
                rawSegments.add(new RawSegment(s.number, s.text(elementSep, componentSep)));
            }
            return new ClaimPayment(lx, v(1, componentSep), v(2, componentSep), charge, paid, patientResponsibility,
                    v(6, componentSep), v(7, componentSep), v(8, componentSep), v(9, componentSep),
                    adjustments, names, references, dates, amounts, quantities,
                    lines.stream().map(LineBuilder::build).toList(), rawSegments);
        }
    }

    /** Collects loop 2110 until the next SVC or the end of the claim. */
    private static final class LineBuilder {
        final X12Segment svc;
        final int number;
        boolean ok;
        ProductId product;
        Money charge;
        Money paid;
        String revenueCode;
        BigDecimal units;
        ProductId originalProduct;
        BigDecimal originalUnits;
        final List<DateField> dates = new ArrayList<>();
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<AmountField> amounts = new ArrayList<>();
        final List<QuantityField> quantities = new ArrayList<>();
        final List<Remark> remarks = new ArrayList<>();

        LineBuilder(X12Segment svc, int number) {
            this.svc = svc;
            this.number = number;
        }

        ServiceLine build() {
            return new ServiceLine(product, charge, paid, revenueCode, units, originalProduct, originalUnits, dates,
                    adjustments, references, amounts, quantities, remarks);
        }
    }
}
