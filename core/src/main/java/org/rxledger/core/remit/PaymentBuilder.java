package org.rxledger.core.remit;

import static org.rxledger.core.remit.ReadContext.nz;
import static org.rxledger.core.remit.ReadContext.printable;
import static org.rxledger.core.remit.X12Segment.element;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rxledger.core.money.Money;

/**
 * The third part of a read, for one transaction set at a time: builds the {@link Payment} from the
 * header (BPR, TRN, REF, DTM and the N1 loops), hands the claims to the {@link ClaimLoopBuilder}, reads
 * the PLB provider adjustments, refuses a payment repeated in the file, and at SE applies the payment's
 * balancing rule of {@link RemittanceBalancing}. Completed pieces go to the handler as they are read.
 */
final class PaymentBuilder {

    private static final Set<String> HANDLING_CODES = Set.of("C", "D", "H", "I", "P", "U", "X");
    private static final Set<String> PAYMENT_METHODS = Set.of("ACH", "BOP", "CHK", "FWT", "NON");

    private enum Section { HEADER, DETAIL, PLB }

/** A payment already read from this file, as the duplicate rule needs it. */
    private record SeenPayment(int number, String st02, int segment, String payerIdentifier, String payerName) {
    }

    private final ReadContext context;
    private final EnvelopeChecks envelope;
    private final ClaimLoopBuilder claims;
    /** Payments of this file so far by trace key and amount: the same payment twice refuses the file. */
    private final Map<String, List<SeenPayment>> seenPayments = new HashMap<>();

    // transaction content
    private int paymentNumber;
    private long totalClaims;
    private Section section;
    private boolean broken;
    private boolean headerDone;
    private X12Segment bprSegment;
    private FinancialInfo financial;
    private Trace trace;
    private X12Segment traceSegment;
    private final List<Reference> headerRefs = new ArrayList<>();
    private LocalDate productionDate;
    private PartyBuilder party;
    private Party payer;
    private Party payee;
    private Payment payment;
    private Money claimsPaid;
    private Money plbTotal;
    private int claimCount;
    private String lx;

    PaymentBuilder(ReadContext context, EnvelopeChecks envelope) {
        this.context = context;
        this.envelope = envelope;
        this.claims = new ClaimLoopBuilder(context, this);
    }

    /** How many transaction sets (payments) were begun so far. */
    int paymentNumber() {
        return paymentNumber;
    }

    /** How many claims were read so far, delivered or not. */
    long totalClaims() {
        return totalClaims;
    }

    /** True when the transaction set is unusable (no BPR first): its other segments are skipped. */
    boolean broken() {
        return broken;
    }

    /** The payment being read, or null when its header is not usable (its claims are checked, not delivered). */
    Payment payment() {
        return payment;
    }

    /** Counts a finished claim towards the payment's balance; {@code paid} is null when CLP04 was unreadable. */
    void claimFinished(Money paid) {
        if (paid != null) {
            claimsPaid = claimsPaid.plus(paid);
        }
        claimCount++;
        totalClaims++;
    }

    void begin() {
        paymentNumber++;
        section = Section.HEADER;
        broken = false;
        headerDone = false;
        bprSegment = null;
        financial = null;
        trace = null;
        traceSegment = null;
        headerRefs.clear();
        productionDate = null;
        party = null;
        payer = null;
        payee = null;
        payment = null;
        claimsPaid = Money.ZERO;
        plbTotal = Money.ZERO;
        claimCount = 0;
        lx = null;
        claims.clear();
    }

    String paymentLabel() {
        return "Payment " + paymentNumber + (trace != null ? " (trace " + printable(trace.number()) + ")" : "");
    }

    void content(X12Segment s) {
        if (section == Section.HEADER && bprSegment == null && !s.id.equals("BPR")) {
            context.problem(s, "", paymentLabel() + ": the first segment after ST must be BPR, found " + s.id);
            broken = true;
            return;
        }
        if (s.repeatedElement > 0) {
            context.problem(s, element(s.id, s.repeatedElement), "element repeats (separator from ISA11)"
                    + " but no 835 element may repeat");
        }
        switch (section) {
            case HEADER -> header(s);
            case DETAIL -> detail(s);
            case PLB -> {
                if (s.id.equals("PLB")) {
                    plb(s);
                } else {
                    context.problem(s, "", "only PLB segments may follow a PLB before SE, found " + s.id);
                }
            }
        }
    }

    private void header(X12Segment s) {
        switch (s.id) {
            case "BPR" -> bpr(s);
            case "TRN" -> {
                if (context.required(s, 1) && context.required(s, 2) && context.required(s, 3)) {
                    trace = new Trace(context.value(s, 1), context.value(s, 2), context.value(s, 3),
                            context.value(s, 4));
                    traceSegment = s;
                }
            }
            case "CUR", "RDM", "N2" -> {
                // foreign currency, remittance delivery method, extra name line: not needed for pharmacy
            }
            case "REF" -> {
                Reference ref = context.reference(s);
                if (ref != null) {
                    if (party != null) {
                        party.references.add(ref);
                    } else {
                        headerRefs.add(ref);
                    }
                }
            }
            case "DTM" -> {
                DateField d = dateField(s, ElementRules.DateLoop.HEADER);
                if (d != null && d.qualifier().equals("405")) {
                    productionDate = d.date();
                }
            }
            case "N1" -> {
                finishParty();
                String code = context.value(s, 1);
                if (!"PR".equals(code) && !"PE".equals(code)) {
                    context.problem(s, "N101", "N1 in the 835 header must be PR (payer) or PE (payee), "
                            + "found '" + nz(code) + "'");
                }
                context.required(s, 2);
                party = new PartyBuilder(s, nz(code), context.value(s, 2), context.value(s, 3), context.value(s, 4));
            }
            case "N3" -> {
                if (party != null) {
                    party.address.add(nz(context.value(s, 1)));
                    if (s.has(2)) {
                        party.address.add(context.value(s, 2));
                    }
                }
            }
            case "N4" -> {
                if (party != null) {
                    party.city = context.value(s, 1);
                    party.state = context.value(s, 2);
                    party.postalCode = context.value(s, 3);
                }
            }
            case "PER" -> {
                if (party != null) {
                    party.contacts.add(contact(s));
                }
            }
            case "LX" -> {
                emitPayment(s);
                section = Section.DETAIL;
                lx(s);
            }
            case "PLB" -> {
                emitPayment(s);
                section = Section.PLB;
                plb(s);
            }
            default -> context.problem(s, "", "segment " + s.id + " is not allowed in the 835 header (BPR…N1 loops)");
        }
    }

    private void bpr(X12Segment s) {
        bprSegment = s;
        String handling = context.value(s, 1);
        if (handling == null || !HANDLING_CODES.contains(handling)) {
            context.problem(s, "BPR01", "handling code must be one of C, D, H, I, P, U, X, found '" + nz(handling)
                    + "'");
        }
        Money amount = context.money(s, 2, true);
        if (amount != null && amount.isNegative()) {
            context.problem(s, "BPR02", "the payment amount may not be negative (835 TR3: BPR02 ≥ 0; "
                    + "take-backs beyond the payment use PLB FB/WO), found " + amount);
        }
        String creditDebit = context.value(s, 3);
        if (!"C".equals(creditDebit) && !"D".equals(creditDebit)) {
            context.problem(s, "BPR03", "credit/debit flag must be C or D, found '" + nz(creditDebit) + "'");
        }
        String method = context.value(s, 4);
        if (method == null || !PAYMENT_METHODS.contains(method)) {
            context.problem(s, "BPR04", "payment method must be ACH, CHK, FWT, BOP or NON, found '" + nz(method) + "'");
        }
        LocalDate date = null;
        if (s.has(16)) {
            date = context.date(s, 16, true);
            String implausible = ElementRules.paymentDateProblem(date, fileDate());
            if (implausible != null) {
                context.problem(s, "BPR16", "BPR16 " + implausible);
                date = null;
            }
        } else {
            String hint = s.has(15) && context.value(s, 15).length() == 8 ? " (BPR15 holds '" + context.value(s, 15)
                    + "': the date may be one element too early)" : "";
            context.problem(s, "BPR16", "the payment date (BPR16, check issue or EFT effective date) is missing"
                    + hint);
        }
        if (handling != null && amount != null && creditDebit != null && method != null && date != null) {
            financial = new FinancialInfo(handling, amount, creditDebit, method, context.value(s, 5),
                    context.value(s, 6), context.value(s, 7), context.value(s, 8), context.value(s, 9),
                    context.value(s, 10), context.value(s, 11), context.value(s, 12), context.value(s, 13),
                    context.value(s, 14), context.value(s, 15), date);
        }
    }

    /** When the file was made: GS04 (CCYYMMDD), else ISA09. */
    private LocalDate fileDate() {
        FunctionalGroup group = envelope.group();
        Interchange interchange = envelope.interchange();
        if (group != null && group.date() != null) {
            return group.date();
        }
        return interchange == null ? null : interchange.date();
    }

    private void finishParty() {
        if (party == null) {
            return;
        }
        Party p = party.build();
        if (p.entityCode().equals("PR")) {
            payer = p;
        } else if (p.entityCode().equals("PE")) {
            payee = p;
            if (p.idQualifier() == null || p.id() == null) {
                context.problem(party.segment, "N104", "the payee N1*PE must carry an identifier (N103 XX NPI, "
                        + "FI tax id or XV) in N103/N104");
            }
        }
        party = null;
    }

    /**
     * The header is complete at the first LX, PLB or SE: check and deliver it. When it is unusable
     * the claims are still read and checked (so the clerk sees every problem) but not delivered.
     */
    private void emitPayment(X12Segment at) {
        if (headerDone) {
            return;
        }
        headerDone = true;
        finishParty();
        if (trace == null) {
            context.problem(at, "", paymentLabel() + ": the TRN reassociation trace segment is missing");
        }
        if (payer == null) {
            context.problem(at, "", paymentLabel() + ": the payer (N1*PR loop 1000A) is missing");
        }
        if (payee == null) {
            context.problem(at, "", paymentLabel() + ": the payee (N1*PE loop 1000B) is missing");
        }
        Interchange interchange = envelope.interchange();
        FunctionalGroup group = envelope.group();
        if (financial == null || trace == null || payer == null || payee == null || interchange == null
                || group == null) {
            return;
        }
        payment = new Payment(interchange, group, envelope.st02(), financial, trace, headerRefs, productionDate, payer,
                payee);
        if (repeatsAnEarlierPayment(payment)) {
            payment = null;
            return;
        }
        context.handler.payment(paymentNumber, payment);
    }

    /**
     * One EFT or check is one payment (ARCHITECTURE.md rule 4): a second ST…SE with the same payer,
     * trace (compared as {@link Trace#normalise}) and amount would put the same cash on the books
     * twice. The whole file is refused, as a clerk expects of a file carrying one EFT twice, rather than
     * storing the first copy and skipping the second: which copy is "the" payment cannot be told, and
     * the payer must resend a correct file anyway.
     */
    private boolean repeatsAnEarlierPayment(Payment p) {
        String payerName = nz(p.payer().name());
        String key = p.trace().key() + "|" + p.amount();
        List<SeenPayment> earlier = seenPayments.computeIfAbsent(key, k -> new ArrayList<>());
        for (SeenPayment e : earlier) {
            if (e.payerIdentifier().equals(p.payerIdentifier()) || e.payerName().equals(payerName)) {
                context.problem(traceSegment, "TRN02", paymentLabel() + ", ST02 " + printable(envelope.st02())
                        + ": the same payment as payment " + e.number() + " of this file (ST02 " + printable(e.st02()) + " at "
                        + "segment " + e.segment() + "): same payer, trace and amount " + p.amount() + ". One EFT "
                        + "or check cannot be in a file twice; ask the payer for a corrected file");
                return true;
            }
        }
        X12Segment st = envelope.stSegment();
        earlier.add(new SeenPayment(paymentNumber, envelope.st02(), st == null ? 0 : st.number,
                nz(p.payerIdentifier()), payerName));
        return false;
    }

    void end(X12Segment se) {
        // a payment with no claims and no PLB (e.g. BPR 0.00 notice) is complete at SE
        emitPayment(se);
        claims.finish();
        if (payment == null) {
            return;
        }
        RemittanceBalancing.payment(financial.amount(), claimsPaid, plbTotal).ifPresent(imbalance ->
                context.problem(bprSegment, imbalance.element(), paymentLabel() + ": " + imbalance.message()));
        context.handler.endPayment(paymentNumber, payment, claimCount);
    }

    private void detail(X12Segment s) {
        switch (s.id) {
            case "LX" -> {
                claims.finish();
                lx(s);
            }
            case "TS3", "TS2" -> {
                if (claims.open()) {
                    context.problem(s, "", s.id + " is a provider summary of loop 2000 and belongs right after LX, "
                            + "before the first CLP");
                }
            }
            case "CLP" -> {
                claims.finish();
                claims.clp(s, lx);
            }
            case "PLB" -> {
                claims.finish();
                section = Section.PLB;
                plb(s);
            }
            default -> {
                if (!claims.open()) {
                    context.problem(s, "", "segment " + s.id + " must belong to a claim but no CLP precedes it");
                } else {
                    claims.segment(s);
                }
            }
        }
    }

    private void lx(X12Segment s) {
        if (context.required(s, 1)) {
            lx = context.value(s, 1);
        } else {
            lx = "";
        }
    }
    /** PLB: provider, fiscal period date, then up to six reason:reference / amount pairs (PLB03–PLB14). */
    private void plb(X12Segment s) {
        boolean ok = context.required(s, 1);
        LocalDate date = context.date(s, 2, true);
        if (!ok || date == null) {
            return;
        }
        int pairs = 0;
        for (int i = 3; i <= 13; i += 2) {
            if (!s.has(i) && !s.has(i + 1)) {
                continue;
            }
            List<String> id = s.components(i);
            String reason = id.isEmpty() ? "" : id.get(0);
            Money amount = context.money(s, i + 1, true);
            String element = element("PLB", i);
            if (reason.isEmpty()) {
                context.problem(s, element, paymentLabel() + ": provider adjustment amount without a reason code");
            } else if (reason.length() != 2) {
                // PLB03-1 is element 426, a 2-character code (DOMAIN.md §2.5)
                context.problem(s, element, paymentLabel() + ": provider adjustment reason '" + printable(reason)
                        + "' is not a 2-character code (WO, FB, L6, CS, …)" + (id.size() == 1 ? " followed by the "
                        + "reference after '" + context.componentSep + "' (the component separator declared in "
                        + "ISA16)" : ""));
            } else if (amount != null) {
                String reference = id.size() > 1 && !id.get(1).isEmpty() ? id.get(1) : null;
                ProviderAdjustment adjustment = new ProviderAdjustment(context.value(s, 1), date, reason, reference,
                        amount);
                // sign convention (DOMAIN.md §2.5): positive PLB reduces the payment
                plbTotal = plbTotal.plus(amount);
                if (payment != null) {
                    context.handler.providerAdjustment(adjustment);
                }
                pairs++;
            }
        }
        if (pairs == 0 && s.has(3)) {
            return;
        }
        if (pairs == 0) {
            context.problem(s, "PLB03", paymentLabel() + ": a PLB segment needs at least one adjustment reason "
                    + "and amount");
        }
    }
    DateField dateField(X12Segment s, ElementRules.DateLoop loop) {
        LocalDate date = context.date(s, 2, true);
        if (!context.required(s, 1)) {
            return null;
        }
        String wrongQualifier = ElementRules.dateQualifierProblem(loop, context.value(s, 1));
        if (wrongQualifier != null) {
            String label = loop == ElementRules.DateLoop.HEADER ? paymentLabel() : claims.claimLabel();
            context.problem(s, "DTM01", label + ": DTM01 " + wrongQualifier);
            return null;
        }
        return date == null ? null : new DateField(context.value(s, 1), date);
    }

    private Contact contact(X12Segment s) {
        List<Contact.ContactNumber> numbers = new ArrayList<>();
        for (int i = 3; i <= 7; i += 2) {
            if (s.has(i) || s.has(i + 1)) {
                numbers.add(new Contact.ContactNumber(context.value(s, i), context.value(s, i + 1)));
            }
        }
        return new Contact(nz(context.value(s, 1)), context.value(s, 2), numbers);
    }
/** Collects loop 1000A/1000B pieces until the next N1 or the first LX. */
private static final class PartyBuilder {
    final X12Segment segment;
    final String code;
    final String name;
    final String idQualifier;
    final String id;
    final List<String> address = new ArrayList<>();
    String city;
    String state;
    String postalCode;
    final List<Reference> references = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();

    PartyBuilder(X12Segment segment, String code, String name, String idQualifier, String id) {
        this.segment = segment;
        this.code = code;
        this.name = name;
        this.idQualifier = idQualifier;
        this.id = id;
    }

    Party build() {
        return new Party(code, name, idQualifier, id, address, city, state, postalCode, references, contacts);
    }
}
}
