package org.rxledger.core.remit;

import static org.rxledger.core.remit.ReadContext.nz;
import static org.rxledger.core.remit.ReadContext.stripZeros;
import static org.rxledger.core.remit.ReadContext.trim;
import static org.rxledger.core.remit.X12Segment.element;

import java.util.List;
import java.util.Map;

/**
 * The second part of a read: follows the envelope (ISA…IEA, GS…GE, ST…SE) segment by segment, checks
 * its counts and control numbers, refuses groups and transaction sets that are not a 5010 835, applies
 * the element rules of {@link ElementRules} to every segment of an 835 transaction set, and hands the
 * segments inside ST…SE to the {@link PaymentBuilder}.
 */
final class EnvelopeChecks implements X12Tokenizer.Segments {

    /** GS01 functional identifier codes of other transaction sets, to refuse them by name. */
    private static final Map<String, String> FOREIGN_GROUPS = Map.of(
            "HC", "an 837 health care claim",
            "FA", "a 999/997 acknowledgment",
            "HN", "a 277 claim status response",
            "HR", "a 276 claim status request",
            "HS", "a 270 eligibility inquiry",
            "HB", "a 271 eligibility response",
            "BE", "an 834 benefit enrollment",
            "RA", "an 820 premium payment",
            "HI", "a 278 prior authorization");
    /** ST01 transaction set identifiers other than 835. */
    private static final Map<String, String> FOREIGN_SETS = Map.ofEntries(
            Map.entry("837", "an 837 health care claim"),
            Map.entry("999", "a 999 implementation acknowledgment"),
            Map.entry("997", "a 997 functional acknowledgment"),
            Map.entry("277", "a 277 claim status response"),
            Map.entry("276", "a 276 claim status request"),
            Map.entry("270", "a 270 eligibility inquiry"),
            Map.entry("271", "a 271 eligibility response"),
            Map.entry("834", "an 834 benefit enrollment"),
            Map.entry("820", "an 820 premium payment"),
            Map.entry("278", "a 278 prior authorization"),
            Map.entry("TA1", "a TA1 interchange acknowledgment"));

    private final ReadContext context;
    private final PaymentBuilder payments;

    private Interchange interchange;
    private String isaControl;
    private int groupsInInterchange;
    private FunctionalGroup group;
    private boolean groupForeign;
    private int setsInGroup;
    private boolean inTransaction;
    private boolean transactionForeign;
    private String st02;
    private int transactionSegments;
    private X12Segment stSegment;

    EnvelopeChecks(ReadContext context) {
        this.context = context;
        this.payments = new PaymentBuilder(context, this);
    }

    PaymentBuilder payments() {
        return payments;
    }

    /** The open interchange, or null between IEA and the next ISA. */
    Interchange interchange() {
        return interchange;
    }

    /** The open functional group, or null between GE and the next GS. */
    FunctionalGroup group() {
        return group;
    }

    /** ST02 of the open (or last) transaction set, "" when absent. */
    String st02() {
        return nz(st02);
    }

    /** The ST of the open transaction set. */
    X12Segment stSegment() {
        return stSegment;
    }

    @Override
    public void segment(X12Segment s) {
        if (inTransaction) {
            transactionSegments++;
        }
        if (s.id.equals("GS") || s.id.equals("ST") || (inTransaction && !transactionForeign && !payments.broken()
                && !s.id.equals("SE"))) {
            checkElements(s);
        }
        switch (s.id) {
            case "ISA" -> isa(s);
            case "GS" -> gs(s);
            case "ST" -> st(s);
            case "SE" -> se(s);
            case "GE" -> ge(s);
            case "IEA" -> iea(s);
            default -> {
                if (!inTransaction) {
                    context.problem(s, "", "segment " + s.id + " is outside any transaction set (ST…SE)");
                } else if (!transactionForeign && !payments.broken()) {
                    payments.content(s);
                }
            }
        }
    }

    private void isa(X12Segment s) {
        if (interchange != null) {
            context.problem(s, "", "a new interchange starts before the previous one ended with IEA");
        }
        isaControl = context.value(s, 13);
        interchange = new Interchange(context.value(s, 5), trim(context.value(s, 6)), context.value(s, 7),
                trim(context.value(s, 8)), context.parseDate(s, 9, ReadContext.YYMMDD), context.value(s, 10),
                isaControl == null ? "" : isaControl, context.value(s, 12), context.value(s, 14),
                context.value(s, 15));
        groupsInInterchange = 0;
    }

    private void gs(X12Segment s) {
        if (interchange == null) {
            context.problem(s, "", "GS appears outside an interchange (no ISA before it)");
            return;
        }
        if (group != null) {
            context.problem(s, "", "a new functional group starts before the previous one ended with GE");
        }
        groupsInInterchange++;
        setsInGroup = 0;
        String functionalId = context.value(s, 1);
        String version = context.value(s, 8);
        groupForeign = false;
        group = new FunctionalGroup(functionalId, context.value(s, 2), context.value(s, 3),
                context.parseDate(s, 4, ReadContext.CCYYMMDD), context.value(s, 5),
                context.value(s, 6) == null ? "" : context.value(s, 6), version);
        if (version != null && (version.startsWith("00401") || version.contains("X091"))) {
            context.problem(s, "GS08", "this is a 4010 remittance (GS08 " + version + "); " + ReadContext.NOT_4010);
            groupForeign = true;
        } else if (functionalId != null && FOREIGN_GROUPS.containsKey(functionalId)) {
            context.problem(s, "GS01", "this is " + FOREIGN_GROUPS.get(functionalId) + " (GS01 " + functionalId
                    + "), not an 835 remittance");
            groupForeign = true;
        } else if (!"HP".equals(functionalId)) {
            context.problem(s, "GS01", "GS01 must be HP (health care claim payment/advice) for an 835, found '"
                    + nz(functionalId) + "'");
            groupForeign = true;
        } else if (version == null || !version.startsWith("005010X221")) {
            context.problem(s, "GS08", "GS08 must be 005010X221A1 (835 version 5010), found '" + nz(version) + "'");
            groupForeign = true;
        }
    }

    private void st(X12Segment s) {
        if (group == null) {
            context.problem(s, "", "ST appears outside a functional group (no GS before it)");
        }
        if (inTransaction) {
            context.problem(s, "", "a new transaction set starts before the previous one ended with SE");
        }
        setsInGroup++;
        inTransaction = true;
        transactionSegments = 1;
        stSegment = s;
        st02 = context.value(s, 2);
        String st01 = context.value(s, 1);
        transactionForeign = groupForeign;
        if (!groupForeign && !"835".equals(st01)) {
            String name = st01 == null ? null : FOREIGN_SETS.get(st01);
            context.problem(s, "ST01", name != null ? "this is " + name + ", not an 835 remittance"
                    : "ST01 must be 835, found '" + nz(st01) + "'");
            transactionForeign = true;
        }
        if (!transactionForeign) {
            payments.begin();
        }
    }

    private void se(X12Segment s) {
        if (!inTransaction) {
            context.problem(s, "", "SE appears without a matching ST");
            return;
        }
        if (!transactionForeign && !payments.broken()) {
            payments.end(s);
        }
        String se01 = context.value(s, 1);
        if (!String.valueOf(transactionSegments).equals(stripZeros(se01))) {
            context.problem(s, "SE01", "SE01 says the transaction set has " + nz(se01) + " segments but ST " + nz(st02)
                    + " through SE has " + transactionSegments + " (a segment was added, lost or the count is wrong)");
        }
        if (st02 == null || !st02.equals(context.value(s, 2))) {
            context.problem(s, "SE02", "SE02 control number '" + nz(context.value(s, 2)) + "' does not match ST02 '"
                    + nz(st02) + "'");
        }
        inTransaction = false;
        transactionForeign = false;
    }

    private void ge(X12Segment s) {
        if (group == null) {
            context.problem(s, "", "GE appears without a matching GS");
            return;
        }
        String ge01 = context.value(s, 1);
        if (!String.valueOf(setsInGroup).equals(stripZeros(ge01))) {
            context.problem(s, "GE01", "GE01 says the group holds " + nz(ge01) + " transaction sets but it holds "
                    + setsInGroup);
        }
        if (!group.controlNumber().equals(nz(context.value(s, 2)))) {
            context.problem(s, "GE02", "GE02 control number '" + nz(context.value(s, 2)) + "' does not match GS06 '"
                    + group.controlNumber() + "'");
        }
        group = null;
    }

    private void iea(X12Segment s) {
        if (interchange == null) {
            context.problem(s, "", "IEA appears without a matching ISA");
            return;
        }
        String iea01 = context.value(s, 1);
        if (!String.valueOf(groupsInInterchange).equals(stripZeros(iea01))) {
            context.problem(s, "IEA01", "IEA01 says the interchange holds " + nz(iea01)
                    + " functional groups but it holds " + groupsInInterchange);
        }
        if (isaControl == null || !isaControl.equals(context.value(s, 2))) {
            context.problem(s, "IEA02", "IEA02 control number '" + nz(context.value(s, 2)) + "' does not match ISA13 '"
                    + nz(isaControl) + "'");
        }
        interchange = null;
    }

    @Override
    public void atEnd(long segmentCount) {
        if (interchange == null && segmentCount == 0) {
            context.problem(0, "", "", "the file holds no X12 segments");
        } else if (inTransaction) {
            context.problem(0, "", "", "the file ends inside transaction set " + nz(st02) + " (no SE trailer): it is "
                    + "incomplete (truncated in transfer?)");
        } else if (group != null) {
            context.problem(0, "", "", "the file ends inside functional group " + group.controlNumber()
                    + " (no GE trailer): it is incomplete");
        } else if (interchange != null) {
            context.problem(0, "", "", "the file ends inside interchange " + interchange.controlNumber()
                    + " (no IEA trailer): it is incomplete");
        }
    }
    /**
     * The element rules of {@link ElementRules}, on every segment of an 835 transaction set (and GS,
     * ST): segment length, element count, characters and lengths. Composites with rules per
     * component (SVC01, SVC06, PLB03…) are checked component by component, other elements as sent.
     */
    private void checkElements(X12Segment s) {
        int length = s.length();
        if (length > ElementRules.MAX_SEGMENT_LENGTH) {
            context.problem(s, "", "segment " + s.id + " is " + length + " characters long; no 835 segment is longer "
                    + "than " + ElementRules.MAX_SEGMENT_LENGTH + " (the file is damaged or not an 835)");
            return;
        }
        Integer max = ElementRules.maxElements(s.id);
        if (max != null) {
            for (int position = max + 1; position <= s.elements.size(); position++) {
                if (s.has(position)) {
                    context.problem(s, element(s.id, position), tooManyElements(s.id, max, position));
                    break;
                }
            }
        }
        for (int position = 1; position <= s.elements.size(); position++) {
            List<String> parts = s.components(position);
            if (ElementRules.composite(s.id, position)) {
                int maxComponents = ElementRules.maxComponents(s.id, position);
                if (parts.size() > maxComponents && parts.subList(maxComponents, parts.size()).stream()
                        .anyMatch(c -> !c.isEmpty())) {
                    String element = element(s.id, position);
                    context.problem(s, element, element + " has " + parts.size() + " components separated by '"
                            + context.componentSep + "'; 005010X221A1 allows at most " + maxComponents);
                }
                for (int c = 0; c < parts.size(); c++) {
                    checkValue(s, position, c + 1, parts.get(c));
                }
            } else if (!parts.isEmpty()) {
                checkValue(s, position, 0, context.value(s, position));
            }
        }
    }

    private void checkValue(X12Segment s, int position, int component, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        ElementRules.Rule rule = ElementRules.rule(s.id, position, component);
        String wrong = ElementRules.characterProblem(value, rule != null && rule.identifier());
        if (wrong == null && rule != null) {
            wrong = ElementRules.lengthProblem(value, rule);
        }
        if (wrong != null) {
            String element = element(s.id, position);
            context.problem(s, element, element + (component > 0 ? "-" + component : "") + " " + wrong);
        }
    }

    private static String tooManyElements(String id, int max, int found) {
        String element = element(id, found);
        return switch (id) {
            case "CAS" -> "a CAS segment holds at most 6 adjustments (reason, amount, quantity in CAS02–CAS19); "
                    + element + " starts a 7th, which would be lost: the payer must send it in another CAS";
            case "PLB" -> "a PLB segment holds at most 6 adjustments (reason and amount in PLB03–PLB14); "
                    + element + " starts a 7th, which would be lost: the payer must send it in another PLB";
            default -> "an 835 " + id + " segment has at most " + max + " elements, found " + element;
        };
    }
}
