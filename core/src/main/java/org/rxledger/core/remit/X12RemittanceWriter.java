package org.rxledger.core.remit;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rxledger.core.money.Money;

/**
 * Writes 005010X221A1 835 files from the model, streaming: call {@link #startInterchange},
 * {@link #startGroup}, then per payment {@link #startPayment}, {@link #claim} for each claim,
 * {@link #providerAdjustments}, {@link #endPayment}; then {@link #endGroup} and {@link #endInterchange}.
 * The writer counts segments (SE01), transaction sets (GE01) and groups (IEA01) itself; BPR02 and the
 * claim amounts are written as given, so balanced input gives a balanced file.
 *
 * <p>Segment order follows the TR3 (loop 2100: CLP, CAS, NM1, REF, DTM, AMT, QTY; loop 2110: SVC, DTM,
 * CAS, REF, AMT, QTY, LQ). X12 has no escape character: a value containing one of the delimiters is
 * refused with {@link IllegalArgumentException}. Not thread-safe.
 */
public final class X12RemittanceWriter implements Closeable {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final Writer out;
    private final X12Delimiters d;
    private Interchange interchange;
    private FunctionalGroup group;
    private int groups;
    private int sets;
    private int segmentsInSet;
    private String st02;
    private String lx;

    public X12RemittanceWriter(Writer out, X12Delimiters delimiters) {
        this.out = Objects.requireNonNull(out, "out");
        this.d = Objects.requireNonNull(delimiters, "delimiters");
    }

    /** Writes a whole in-memory remittance; a new ISA or GS starts whenever the control number changes. */
    public static void write(Remittance remittance, Writer out, X12Delimiters delimiters) throws IOException {
        X12RemittanceWriter w = new X12RemittanceWriter(out, delimiters);
        for (Remittance.Transaction t : remittance.transactions()) {
            Payment p = t.payment();
            if (w.interchange != null && !w.interchange.controlNumber().equals(p.interchange().controlNumber())) {
                w.endGroup();
                w.endInterchange();
            } else if (w.group != null && !w.group.controlNumber().equals(p.group().controlNumber())) {
                w.endGroup();
            }
            if (w.interchange == null) {
                w.startInterchange(p.interchange());
            }
            if (w.group == null) {
                w.startGroup(p.group());
            }
            w.startPayment(p);
            for (ClaimPayment c : t.claims()) {
                w.claim(c);
            }
            w.providerAdjustments(t.providerAdjustments());
            w.endPayment();
        }
        if (w.group != null) {
            w.endGroup();
        }
        if (w.interchange != null) {
            w.endInterchange();
        }
        out.flush();
    }

    public void startInterchange(Interchange isa) throws IOException {
        if (interchange != null) {
            throw new IllegalStateException("interchange " + interchange.controlNumber() + " is still open");
        }
        interchange = isa;
        groups = 0;
        String control = pad(isa.controlNumber(), 9, '0', true);
        // ISA is fixed-length: every element is padded to its width (DOMAIN.md §2.1)
        out.write("ISA" + d.element() + "00" + d.element() + " ".repeat(10) + d.element() + "00" + d.element()
                + " ".repeat(10) + d.element() + pad(isa.senderQualifier(), 2, ' ', false) + d.element()
                + pad(isa.senderId(), 15, ' ', false) + d.element() + pad(isa.receiverQualifier(), 2, ' ', false)
                + d.element() + pad(isa.receiverId(), 15, ' ', false) + d.element() + isa.date().format(YYMMDD)
                + d.element() + pad(isa.time(), 4, '0', false) + d.element() + d.repetition() + d.element() + "00501"
                + d.element() + control + d.element() + pad(isa.acknowledgmentRequested(), 1, '0', false)
                + d.element() + pad(isa.usage(), 1, 'P', false) + d.element() + d.component() + d.segment()
                + d.afterSegment());
    }

    public void startGroup(FunctionalGroup gs) throws IOException {
        requireOpen(interchange, "interchange");
        if (group != null) {
            throw new IllegalStateException("group " + group.controlNumber() + " is still open");
        }
        group = gs;
        groups++;
        sets = 0;
        segment("GS", gs.functionalId() == null ? "HP" : gs.functionalId(), gs.senderCode(), gs.receiverCode(),
                date(gs.date()), gs.time(), gs.controlNumber(), "X",
                gs.version() == null ? "005010X221A1" : gs.version());
    }

    /** ST, BPR, TRN, header REF/DTM and the payer and payee loops. */
    public void startPayment(Payment p) throws IOException {
        requireOpen(group, "functional group");
        if (st02 != null) {
            throw new IllegalStateException("transaction set " + st02 + " is still open");
        }
        sets++;
        st02 = p.transactionControlNumber();
        segmentsInSet = 0;
        lx = null;
        segment("ST", "835", st02, "005010X221A1");
        FinancialInfo f = p.financial();
        segment("BPR", f.handlingCode(), money(f.amount()), f.creditDebit(), f.method(), f.format(),
                f.senderDfiQualifier(), f.senderDfiNumber(), f.senderAccountQualifier(), f.senderAccountNumber(),
                f.originatingCompanyId(), f.originatingCompanySupplementalCode(), f.receiverDfiQualifier(),
                f.receiverDfiNumber(), f.receiverAccountQualifier(), f.receiverAccountNumber(), date(f.paymentDate()));
        Trace t = p.trace();
        segment("TRN", t.typeCode() == null ? "1" : t.typeCode(), t.number(), t.originatorId(), t.supplementalCode());
        for (Reference r : p.references()) {
            segment("REF", r.qualifier(), r.value());
        }
        if (p.productionDate() != null) {
            segment("DTM", "405", date(p.productionDate()));
        }
        party(p.payer());
        party(p.payee());
    }

    private void party(Party p) throws IOException {
        segment("N1", p.entityCode(), p.name(), p.idQualifier(), p.id());
        if (!p.addressLines().isEmpty()) {
            segment("N3", p.addressLines().toArray(String[]::new));
        }
        if (p.city() != null || p.state() != null || p.postalCode() != null) {
            segment("N4", p.city(), p.state(), p.postalCode());
        }
        for (Reference r : p.references()) {
            segment("REF", r.qualifier(), r.value());
        }
        for (Contact c : p.contacts()) {
            List<String> values = new ArrayList<>(List.of(c.functionCode(), c.name() == null ? "" : c.name()));
            for (Contact.ContactNumber n : c.numbers()) {
                values.add(n.qualifier());
                values.add(n.number());
            }
            segment("PER", values.toArray(String[]::new));
        }
    }

    /** One claim (loop 2100 with its 2110 lines); writes an LX first when the header number changes. */
    public void claim(ClaimPayment c) throws IOException {
        requireOpen(st02, "transaction set");
        if (!c.headerNumber().equals(lx)) {
            lx = c.headerNumber();
            segment("LX", lx);
        }
        segment("CLP", c.patientControlNumber(), c.status(), money(c.charge()), money(c.paid()),
                money(c.patientResponsibility()), c.filingIndicator(), c.payerClaimControlNumber(),
                c.facilityTypeCode(), c.frequencyCode());
        adjustments(c.adjustments());
        for (ClaimName n : c.names()) {
            segment("NM1", n.entityCode(), n.entityType(), n.lastName(), n.firstName(), n.middleName(), null,
                    n.suffix(), n.idQualifier(), n.id());
        }
        for (Reference r : c.references()) {
            segment("REF", r.qualifier(), r.value());
        }
        for (DateField dt : c.dates()) {
            segment("DTM", dt.qualifier(), date(dt.date()));
        }
        for (AmountField a : c.amounts()) {
            segment("AMT", a.qualifier(), money(a.amount()));
        }
        for (QuantityField q : c.quantities()) {
            segment("QTY", q.qualifier(), number(q.quantity()));
        }
        for (ServiceLine line : c.serviceLines()) {
            // SVC01/SVC06 are composites: built with the component separator, the rest checked as simple values
            rawSegment("SVC", Arrays.asList(product(line.product()), simple(money(line.charge())),
                    simple(money(line.paid())), simple(line.revenueCode()), simple(number(line.unitsPaid())),
                    product(line.originalProduct()), simple(number(line.originalUnits()))));
            for (DateField dt : line.dates()) {
                segment("DTM", dt.qualifier(), date(dt.date()));
            }
            adjustments(line.adjustments());
            for (Reference r : line.references()) {
                segment("REF", r.qualifier(), r.value());
            }
            for (AmountField a : line.amounts()) {
                segment("AMT", a.qualifier(), money(a.amount()));
            }
            for (QuantityField q : line.quantities()) {
                segment("QTY", q.qualifier(), number(q.quantity()));
            }
            for (Remark r : line.remarks()) {
                segment("LQ", r.qualifier(), r.code());
            }
        }
    }

    /** CAS: consecutive adjustments of one group share a segment, up to six triplets each. */
    private void adjustments(List<Adjustment> adjustments) throws IOException {
        int i = 0;
        while (i < adjustments.size()) {
            String groupCode = adjustments.get(i).group();
            List<String> values = new ArrayList<>(List.of(groupCode));
            int n = 0;
            while (i < adjustments.size() && n < 6 && adjustments.get(i).group().equals(groupCode)) {
                Adjustment a = adjustments.get(i);
                values.add(a.reason());
                values.add(money(a.amount()));
                values.add(number(a.quantity()));
                i++;
                n++;
            }
            segment("CAS", values.toArray(String[]::new));
        }
    }

    /** PLB: consecutive pairs with the same provider and fiscal date share a segment, up to six pairs each. */
    public void providerAdjustments(List<ProviderAdjustment> adjustments) throws IOException {
        requireOpen(st02, "transaction set");
        int i = 0;
        while (i < adjustments.size()) {
            ProviderAdjustment first = adjustments.get(i);
            List<String> values = new ArrayList<>(List.of(first.providerId(), date(first.fiscalPeriodDate())));
            int n = 0;
            while (i < adjustments.size() && n < 6 && adjustments.get(i).providerId().equals(first.providerId())
                    && adjustments.get(i).fiscalPeriodDate().equals(first.fiscalPeriodDate())) {
                ProviderAdjustment a = adjustments.get(i);
                values.add(a.reference() == null ? check(a.reasonCode())
                        : check(a.reasonCode()) + d.component() + check(a.reference()));
                values.add(money(a.amount()));
                i++;
                n++;
            }
            rawSegment("PLB", values);
        }
    }

    public void endPayment() throws IOException {
        requireOpen(st02, "transaction set");
        segment("SE", String.valueOf(segmentsInSet + 1), st02);
        st02 = null;
    }

    public void endGroup() throws IOException {
        requireOpen(group, "functional group");
        if (st02 != null) {
            throw new IllegalStateException("transaction set " + st02 + " is still open");
        }
        segment("GE", String.valueOf(sets), group.controlNumber());
        group = null;
    }

    public void endInterchange() throws IOException {
        requireOpen(interchange, "interchange");
        if (group != null) {
            throw new IllegalStateException("group " + group.controlNumber() + " is still open");
        }
        segment("IEA", String.valueOf(groups), pad(interchange.controlNumber(), 9, '0', true));
        interchange = null;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    // ------------------------------------------------------------------ helpers

    private void segment(String id, String... values) throws IOException {
        List<String> checked = new ArrayList<>(values.length);
        for (String v : values) {
            checked.add(v == null ? "" : check(v));
        }
        rawSegment(id, checked);
    }

    /** Values are already checked; a composite's component separators are intended. */
    private void rawSegment(String id, List<String> values) throws IOException {
        int last = values.size();
        while (last > 0 && values.get(last - 1).isEmpty()) {
            last--; // X12: trailing empty elements are omitted
        }
        StringBuilder sb = new StringBuilder(id);
        for (int i = 0; i < last; i++) {
            sb.append(d.element()).append(values.get(i));
        }
        sb.append(d.segment()).append(d.afterSegment());
        out.write(sb.toString());
        if (st02 != null || id.equals("ST")) {
            segmentsInSet++;
        }
    }

    private String simple(String value) {
        return value == null ? "" : check(value);
    }

    private String check(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (d.isDelimiter(value.charAt(i))) {
                throw new IllegalArgumentException("value '" + value + "' contains the delimiter '" + value.charAt(i)
                        + "'; X12 has no escape, choose other delimiters");
            }
        }
        return value;
    }

    private String product(ProductId p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(check(p.qualifier())).append(d.component()).append(check(p.code()));
        for (String m : p.modifiers()) {
            sb.append(d.component()).append(check(m));
        }
        return sb.toString();
    }

    private static String money(Money m) {
        return m == null ? null : m.toString();
    }

    private static String number(BigDecimal n) {
        return n == null ? null : n.toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.format(CCYYMMDD);
    }

    private static String pad(String value, int width, char fill, boolean left) {
        String v = value == null ? "" : value;
        if (v.length() > width) {
            throw new IllegalArgumentException("ISA value '" + v + "' is longer than " + width + " characters");
        }
        char[] padding = new char[width - v.length()];
        Arrays.fill(padding, fill);
        return left ? new String(padding) + v : v + new String(padding);
    }

    private static void requireOpen(Object state, String what) {
        if (state == null) {
            throw new IllegalStateException("no " + what + " is open");
        }
    }
}
