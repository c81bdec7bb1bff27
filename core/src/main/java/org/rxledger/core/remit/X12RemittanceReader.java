package org.rxledger.core.remit;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;

/**
 * Streams an ASC X12 835 (005010X221A1) file on StAEDI and checks it: envelope (ISA layout, control
 * numbers, SE01/GE01/IEA01 counts), that it is an 835 and 5010 at all, the loop structure, required
 * elements, codes, the element rules of {@link ElementRules} (lengths that fit their columns, characters,
 * element counts, date qualifiers, digits), that no payment appears twice in the file, and the
 * three-level balancing of DOMAIN.md §2.6.
 *
 * <p>StAEDI tokenises (any delimiters declared by the ISA, with or without line breaks) and checks the
 * envelope; it has no 835 schema, so the transaction structure is followed here with a small state
 * machine. Memory stays bounded: only the current payment header and the current claim are held.
 *
 * <p>Errors are collected as {@link RemittanceProblem}s (never thrown): every problem names the file,
 * the segment number (ISA = 1) and id, the element, and what was expected versus found. StAEDI and I/O
 * failures (truncated or garbled input) become problems too. Reading stops after
 * {@link #MAX_PROBLEMS} problems. Instances are stateless and thread-safe.
 */
public final class X12RemittanceReader {

    /** Reading stops after this many problems; a file this broken needs the payer, not a longer list. */
    public static final int MAX_PROBLEMS = 100;

    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    /** ISA is fixed-length: "ISA" + 16 separators + the element widths + terminator = 106 characters. */
    private static final int ISA_LENGTH = 106;
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

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
    private static final String NOT_4010 = "4010 is not supported: ask the payer to send the 5010 835 "
            + "(005010X221A1) instead";
    private static final Set<String> HANDLING_CODES = Set.of("C", "D", "H", "I", "P", "U", "X");
    private static final Set<String> PAYMENT_METHODS = Set.of("ACH", "BOP", "CHK", "FWT", "NON");
    /** 5010 CAS01 group codes; CR existed only in 4010 (DOMAIN.md §2.4). */
    private static final Set<String> GROUP_CODES = Set.of("CO", "OA", "PI", "PR");
    /** SVC01-1 product/service id qualifiers allowed by 005010X221A1. */
    private static final Set<String> PRODUCT_QUALIFIERS = Set.of("AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU",
            "UI", "WK");

    /**
     * Reads {@code in} to the end, delivering completed pieces to {@code handler}. Never throws for bad
     * data; what the handler throws propagates unchanged and ends the read. The stream is not closed
     * (the caller owns it); bytes after the last IEA may stay unread.
     */
    public ReadResult read(InputStream in, String fileName, RemittanceHandler handler, BooleanSupplier cancelled) {
        Parse parse = new Parse(fileName, handler, cancelled);
        parse.run(in);
        return new ReadResult(parse.problems, parse.paymentNumber, parse.totalClaims, parse.segmentCount,
                parse.cancelledSeen);
    }

    /**
     * Reads a small file completely into memory (tests, previews).
     *
     * @throws RemittanceFormatException when the file breaks any rule
     */
    public Remittance readAll(InputStream in, String fileName) throws RemittanceFormatException {
        Collector collector = new Collector();
        ReadResult result = read(in, fileName, collector, () -> false);
        if (!result.ok()) {
            throw new RemittanceFormatException(result.problems());
        }
        return new Remittance(collector.transactions);
    }

    /** {@link #readAll(InputStream, String)} for a file on disk. */
    public Remittance readAll(Path file) throws RemittanceFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, file.getFileName().toString());
        }
    }

    /** Builds a {@link Remittance} from the events of one read. */
    private static final class Collector implements RemittanceHandler {
        private final List<Remittance.Transaction> transactions = new ArrayList<>();
        private final List<ClaimPayment> claims = new ArrayList<>();
        private final List<ProviderAdjustment> plbs = new ArrayList<>();

        @Override
        public void claim(ClaimPayment claim) {
            claims.add(claim);
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            plbs.add(adjustment);
        }

        @Override
        public void endPayment(int number, Payment payment, int claimCount) {
            transactions.add(new Remittance.Transaction(payment, claims, plbs));
            claims.clear();
            plbs.clear();
        }
    }

    /** One segment as tokenised by StAEDI: elements 1..n, each a list of components. */
    static final class Segment {
        final String id;
        final int number;
        final List<List<String>> elements = new ArrayList<>();
        int repeatedElement;
        private int length = -1;

        Segment(String id, int number) {
            this.id = id;
            this.number = number;
        }

        void set(int position, List<String> components) {
            while (elements.size() < position) {
                elements.add(List.of());
            }
            elements.set(position - 1, components);
        }

        boolean has(int position) {
            if (position > elements.size()) {
                return false;
            }
            for (String component : elements.get(position - 1)) {
                if (!component.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        List<String> components(int position) {
            return position <= elements.size() ? elements.get(position - 1) : List.of();
        }

        /** The length of {@link #text}: the id, one separator per element and per further component. */
        int length() {
            if (length < 0) {
                int n = id.length();
                for (List<String> e : elements) {
                    n += Math.max(1, e.size());
                    for (String component : e) {
                        n += component.length();
                    }
                }
                length = n;
            }
            return length;
        }

        String text(char element, char component) {
            StringBuilder sb = new StringBuilder(id);
            for (List<String> e : elements) {
                sb.append(element).append(String.join(String.valueOf(component), e));
            }
            return sb.toString();
        }
    }

    private enum Section { HEADER, DETAIL, PLB }

    /** A payment already read from this file, as the duplicate rule needs it. */
    private record SeenPayment(int number, String st02, int segment, String payerIdentifier, String payerName) {
    }

    /** The state of one read. */
    private static final class Parse {
        private final String file;
        private final RemittanceHandler handler;
        private final BooleanSupplier cancelled;
        private final List<RemittanceProblem> problems = new ArrayList<>();
        private boolean cancelledSeen;
        private boolean stop;
        private long segmentCount;
        private int lastSegmentNumber;
        private String lastSegmentId = "";
        private boolean segmentComplete = true;

        private char elementSep = '*';
        private char componentSep = ':';

        // envelope
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
        /** Payments of this file so far by trace key and amount: the same payment twice refuses the file. */
        private final Map<String, List<SeenPayment>> seenPayments = new java.util.HashMap<>();

        // transaction content
        private int paymentNumber;
        private long totalClaims;
        private Section section;
        private boolean broken;
        private boolean headerDone;
        private Segment bprSegment;
        private FinancialInfo financial;
        private Trace trace;
        private Segment traceSegment;
        private Segment stSegment;
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
        private ClaimBuilder claim;

        Parse(String file, RemittanceHandler handler, BooleanSupplier cancelled) {
            this.file = file;
            this.handler = new Guarded(handler);
            this.cancelled = cancelled;
        }

        void run(InputStream raw) {
            // the caller owns (and closes) the stream; StAEDI would close it, so shield it
            InputStream unclosable = new java.io.FilterInputStream(raw) {
                @Override
                public void close() {
                    // left open for the caller
                }
            };
            try (BufferedInputStream in = new BufferedInputStream(unclosable, 1 << 16)) {
                if (!checkIsaLayout(in)) {
                    return;
                }
                EDIInputFactory factory = EDIInputFactory.newFactory();
                factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
                // ISO-8859-1 maps every byte, so garbage cannot fail decoding (and it is faster than UTF-8);
                // X12's character sets are subsets of it
                try (EDIStreamReader reader = factory.createEDIStreamReader(in, "ISO-8859-1")) {
                    tokenize(reader);
                }
                if (!stop) {
                    atEnd();
                }
            } catch (HandlerFailure e) {
                // the handler's own failure (e.g. a database error while storing) is not a problem of the file
                throw (RuntimeException) e.getCause();
            } catch (EDIStreamException | RuntimeException e) {
                streamFailure(e);
            } catch (IOException e) {
                problem(0, "", "", "the file could not be read: " + e.getMessage());
            }
        }

        /**
         * The ISA is fixed-length (106 characters, DOMAIN.md §2.1); its 4th character declares the
         * element separator, ISA11 the repetition separator, ISA16 the component separator and the
         * character after ISA16 the segment terminator. StAEDI relies on that layout, so it is checked
         * first to give a plain message instead of a tokenizer error.
         */
        private boolean checkIsaLayout(BufferedInputStream in) throws IOException {
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            int start = 0;
            while (start < head.length && (Character.isWhitespace(head[start]) || (head[start] & 0xFF) == 0xEF
                    || (head[start] & 0xFF) == 0xBB || (head[start] & 0xFF) == 0xBF)) {
                start++; // tolerate blank lines and a UTF-8 byte-order mark before the ISA
            }
            if (start == head.length) {
                problem(0, "", "", "the file is empty: an 835 starts with an ISA interchange header");
                return false;
            }
            String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("ISA") || text.length() < 4) {
                String first = text.substring(0, Math.min(3, text.length()));
                problem(1, first, "", "this is not an X12 file: it must start with an ISA interchange header, "
                        + "found '" + printable(text.substring(0, Math.min(20, text.length()))) + "'");
                return false;
            }
            char sep = text.charAt(3);
            int pos = 4;
            for (int i = 0; i < ISA_WIDTHS.length; i++) {
                String name = element("ISA", i + 1);
                int next = pos + ISA_WIDTHS[i];
                if (i < ISA_WIDTHS.length - 1) {
                    int actualEnd = text.indexOf(sep, pos);
                    if (actualEnd < 0 || actualEnd > 200) {
                        problem(1, "ISA", name, "the interchange header ends early or is garbled: " + name
                                + " is missing (the file may be truncated)");
                        return false;
                    }
                    if (actualEnd != next) {
                        problem(1, "ISA", name, "the ISA is fixed-length (106 characters): " + name + " must be "
                                + ISA_WIDTHS[i] + " characters but is " + (actualEnd - pos) + " ('"
                                + printable(text.substring(pos, actualEnd)) + "')");
                        return false;
                    }
                    pos = next + 1;
                } else {
                    if (text.length() < ISA_LENGTH) {
                        problem(1, "ISA", name, "the file ends inside the ISA interchange header: it is truncated");
                        return false;
                    }
                    char terminator = text.charAt(next);
                    if (Character.isLetterOrDigit(terminator) || terminator == sep || terminator == ' ') {
                        problem(1, "ISA", name, "the ISA is fixed-length (106 characters): ISA16 must be one "
                                + "character followed by the segment terminator, found '"
                                + printable(text.substring(pos, Math.min(text.length(), pos + 5))) + "'");
                        return false;
                    }
                }
            }
            String version = text.substring(84, 89);
            if (version.equals("00401")) {
                problem(1, "ISA", "ISA12", "this is a 4010 interchange (ISA12 00401); " + NOT_4010);
                return false;
            }
            if (!version.equals("00501")) {
                problem(1, "ISA", "ISA12", "interchange version ISA12 must be 00501 (5010), found '" + version + "'");
                return false;
            }
            in.skipNBytes(start);
            return true;
        }

        private void tokenize(EDIStreamReader reader) throws EDIStreamException {
            Segment segment = null;
            List<String> composite = null;
            int compositePosition = 0;
            while (!stop && reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        segment = new Segment(reader.getText(), reader.getLocation().getSegmentPosition());
                        segmentComplete = false;
                        lastSegmentNumber = segment.number;
                        lastSegmentId = segment.id;
                    }
                    case START_COMPOSITE -> {
                        if (segment != null && reader.getLocation().getElementOccurrence() > 1) {
                            segment.repeatedElement = reader.getLocation().getElementPosition();
                            composite = new ArrayList<>();
                            compositePosition = -1;
                        } else {
                            composite = new ArrayList<>();
                            compositePosition = reader.getLocation().getElementPosition();
                        }
                    }
                    case END_COMPOSITE -> {
                        if (segment != null && composite != null && compositePosition > 0) {
                            segment.set(compositePosition, List.copyOf(composite));
                        }
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (segment == null) {
                            break;
                        }
                        if (composite != null) {
                            composite.add(reader.getText());
                        } else if (reader.getLocation().getElementOccurrence() > 1) {
                            segment.repeatedElement = reader.getLocation().getElementPosition();
                        } else {
                            segment.set(reader.getLocation().getElementPosition(), List.of(reader.getText()));
                        }
                    }
                    case END_SEGMENT -> {
                        if (segment != null) {
                            if (segment.id.equals("ISA")) {
                                Map<String, Character> delimiters = reader.getDelimiters();
                                elementSep = delimiters.getOrDefault(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
                                componentSep = delimiters.getOrDefault(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT,
                                        ':');
                            }
                            segmentCount++;
                            if ((segmentCount & 255) == 0 && cancelled.getAsBoolean()) {
                                cancelledSeen = true;
                                stop = true;
                                return;
                            }
                            segment(segment);
                            segment = null;
                            segmentComplete = true;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            staediError(reader, segment);
                    default -> {
                        // START/END_INTERCHANGE/GROUP/TRANSACTION and loops: the segments drive the state
                    }
                }
            }
            if (!stop && cancelled.getAsBoolean()) {
                cancelledSeen = true;
                stop = true;
            }
        }

        /** StAEDI's own envelope validation; counts and control numbers are checked below in plainer words. */
        private void staediError(EDIStreamReader reader, Segment segment) {
            EDIStreamValidationError error = reader.getErrorType();
            if (error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH
                    || error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
                return;
            }
            int number = reader.getLocation().getSegmentPosition();
            String id = segment != null ? segment.id : lastSegmentId;
            int position = reader.getLocation().getElementPosition();
            String element = position > 0 ? element(id, position) : "";
            String text = reader.getText();
            problem(number, id, element, "the envelope is invalid (" + error.name().toLowerCase().replace('_', ' ')
                    + (text != null && !text.isEmpty() ? ", found '" + printable(text) + "'" : "") + ")");
        }

        private void streamFailure(Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (causedBy(e, java.nio.BufferOverflowException.class)) {
                // StAEDI holds one element in a 4,096-character buffer; no 835 element comes near it
                problem(lastSegmentNumber, lastSegmentId, "", "segment " + lastSegmentId + " holds an element longer "
                        + "than 4096 characters; no 835 element is longer than 256 (the file is damaged or not an 835)");
            } else if (message.contains("Unexpected end of stream") && segmentComplete) {
                atEnd(); // StAEDI reports a stream that stops between segments but before IEA this way
            } else if (message.contains("Unexpected end of stream")) {
                problem(lastSegmentNumber, lastSegmentId, "", "the file ends in the middle of segment "
                        + lastSegmentNumber + ": it is incomplete (truncated in transfer?)");
            } else {
                problem(lastSegmentNumber + 1, "", "", "the file is not valid X12 after segment " + lastSegmentNumber
                        + " (" + lastSegmentId + "): " + printable(message));
            }
            stop = true;
        }

        /**
         * The element rules of {@link ElementRules}, on every segment of an 835 transaction set (and GS,
         * ST): segment length, element count, characters and lengths. Composites with rules per
         * component (SVC01, SVC06, PLB03…) are checked component by component, other elements as sent.
         */
        private void checkElements(Segment s) {
            int length = s.length();
            if (length > ElementRules.MAX_SEGMENT_LENGTH) {
                problem(s, "", "segment " + s.id + " is " + length + " characters long; no 835 segment is longer "
                        + "than " + ElementRules.MAX_SEGMENT_LENGTH + " (the file is damaged or not an 835)");
                return;
            }
            Integer max = ElementRules.maxElements(s.id);
            if (max != null) {
                for (int position = max + 1; position <= s.elements.size(); position++) {
                    if (s.has(position)) {
                        problem(s, element(s.id, position), tooManyElements(s.id, max, position));
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
                        problem(s, element, element + " has " + parts.size() + " components separated by '"
                                + componentSep + "'; 005010X221A1 allows at most " + maxComponents);
                    }
                    for (int c = 0; c < parts.size(); c++) {
                        checkValue(s, position, c + 1, parts.get(c));
                    }
                } else if (!parts.isEmpty()) {
                    checkValue(s, position, 0, value(s, position));
                }
            }
        }

        private void checkValue(Segment s, int position, int component, String value) {
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
                problem(s, element, element + (component > 0 ? "-" + component : "") + " " + wrong);
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

        private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }

        // ---------------------------------------------------------------- envelope

        private void segment(Segment s) {
            if (inTransaction) {
                transactionSegments++;
            }
            if (s.id.equals("GS") || s.id.equals("ST") || (inTransaction && !transactionForeign && !broken
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
                        problem(s, "", "segment " + s.id + " is outside any transaction set (ST…SE)");
                    } else if (!transactionForeign && !broken) {
                        content(s);
                    }
                }
            }
        }

        private void isa(Segment s) {
            if (interchange != null) {
                problem(s, "", "a new interchange starts before the previous one ended with IEA");
            }
            isaControl = value(s, 13);
            interchange = new Interchange(value(s, 5), trim(value(s, 6)), value(s, 7), trim(value(s, 8)),
                    parseDate(s, 9, YYMMDD), value(s, 10), isaControl == null ? "" : isaControl, value(s, 12),
                    value(s, 14), value(s, 15));
            groupsInInterchange = 0;
        }

        private void gs(Segment s) {
            if (interchange == null) {
                problem(s, "", "GS appears outside an interchange (no ISA before it)");
                return;
            }
            if (group != null) {
                problem(s, "", "a new functional group starts before the previous one ended with GE");
            }
            groupsInInterchange++;
            setsInGroup = 0;
            String functionalId = value(s, 1);
            String version = value(s, 8);
            groupForeign = false;
            group = new FunctionalGroup(functionalId, value(s, 2), value(s, 3), parseDate(s, 4, CCYYMMDD), value(s, 5),
                    value(s, 6) == null ? "" : value(s, 6), version);
            if (version != null && (version.startsWith("00401") || version.contains("X091"))) {
                problem(s, "GS08", "this is a 4010 remittance (GS08 " + version + "); " + NOT_4010);
                groupForeign = true;
            } else if (functionalId != null && FOREIGN_GROUPS.containsKey(functionalId)) {
                problem(s, "GS01", "this is " + FOREIGN_GROUPS.get(functionalId) + " (GS01 " + functionalId
                        + "), not an 835 remittance");
                groupForeign = true;
            } else if (!"HP".equals(functionalId)) {
                problem(s, "GS01", "GS01 must be HP (health care claim payment/advice) for an 835, found '"
                        + nz(functionalId) + "'");
                groupForeign = true;
            } else if (version == null || !version.startsWith("005010X221")) {
                problem(s, "GS08", "GS08 must be 005010X221A1 (835 version 5010), found '" + nz(version) + "'");
                groupForeign = true;
            }
        }

        private void st(Segment s) {
            if (group == null) {
                problem(s, "", "ST appears outside a functional group (no GS before it)");
            }
            if (inTransaction) {
                problem(s, "", "a new transaction set starts before the previous one ended with SE");
            }
            setsInGroup++;
            inTransaction = true;
            transactionSegments = 1;
            stSegment = s;
            st02 = value(s, 2);
            String st01 = value(s, 1);
            transactionForeign = groupForeign;
            if (!groupForeign && !"835".equals(st01)) {
                String name = st01 == null ? null : FOREIGN_SETS.get(st01);
                problem(s, "ST01", name != null ? "this is " + name + ", not an 835 remittance"
                        : "ST01 must be 835, found '" + nz(st01) + "'");
                transactionForeign = true;
            }
            if (!transactionForeign) {
                beginPayment();
            }
        }

        private void se(Segment s) {
            if (!inTransaction) {
                problem(s, "", "SE appears without a matching ST");
                return;
            }
            if (!transactionForeign && !broken) {
                endPayment(s);
            }
            String se01 = value(s, 1);
            if (!String.valueOf(transactionSegments).equals(stripZeros(se01))) {
                problem(s, "SE01", "SE01 says the transaction set has " + nz(se01) + " segments but ST " + nz(st02)
                        + " through SE has " + transactionSegments + " (a segment was added, lost or the count is wrong)");
            }
            if (st02 == null || !st02.equals(value(s, 2))) {
                problem(s, "SE02", "SE02 control number '" + nz(value(s, 2)) + "' does not match ST02 '" + nz(st02) + "'");
            }
            inTransaction = false;
            transactionForeign = false;
        }

        private void ge(Segment s) {
            if (group == null) {
                problem(s, "", "GE appears without a matching GS");
                return;
            }
            String ge01 = value(s, 1);
            if (!String.valueOf(setsInGroup).equals(stripZeros(ge01))) {
                problem(s, "GE01", "GE01 says the group holds " + nz(ge01) + " transaction sets but it holds "
                        + setsInGroup);
            }
            if (!group.controlNumber().equals(nz(value(s, 2)))) {
                problem(s, "GE02", "GE02 control number '" + nz(value(s, 2)) + "' does not match GS06 '"
                        + group.controlNumber() + "'");
            }
            group = null;
        }

        private void iea(Segment s) {
            if (interchange == null) {
                problem(s, "", "IEA appears without a matching ISA");
                return;
            }
            String iea01 = value(s, 1);
            if (!String.valueOf(groupsInInterchange).equals(stripZeros(iea01))) {
                problem(s, "IEA01", "IEA01 says the interchange holds " + nz(iea01) + " functional groups but it holds "
                        + groupsInInterchange);
            }
            if (isaControl == null || !isaControl.equals(value(s, 2))) {
                problem(s, "IEA02", "IEA02 control number '" + nz(value(s, 2)) + "' does not match ISA13 '"
                        + nz(isaControl) + "'");
            }
            interchange = null;
        }

        private void atEnd() {
            if (interchange == null && segmentCount == 0) {
                problem(0, "", "", "the file holds no X12 segments");
            } else if (inTransaction) {
                problem(0, "", "", "the file ends inside transaction set " + nz(st02) + " (no SE trailer): it is "
                        + "incomplete (truncated in transfer?)");
            } else if (group != null) {
                problem(0, "", "", "the file ends inside functional group " + group.controlNumber()
                        + " (no GE trailer): it is incomplete");
            } else if (interchange != null) {
                problem(0, "", "", "the file ends inside interchange " + interchange.controlNumber()
                        + " (no IEA trailer): it is incomplete");
            }
        }

        // ---------------------------------------------------------------- transaction content

        private void beginPayment() {
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
            claim = null;
        }

        private String paymentLabel() {
            return "Payment " + paymentNumber + (trace != null ? " (trace " + printable(trace.number()) + ")" : "");
        }

        private void content(Segment s) {
            if (section == Section.HEADER && bprSegment == null && !s.id.equals("BPR")) {
                problem(s, "", paymentLabel() + ": the first segment after ST must be BPR, found " + s.id);
                broken = true;
                return;
            }
            if (s.repeatedElement > 0) {
                problem(s, element(s.id, s.repeatedElement), "element repeats (separator from ISA11)"
                        + " but no 835 element may repeat");
            }
            switch (section) {
                case HEADER -> header(s);
                case DETAIL -> detail(s);
                case PLB -> {
                    if (s.id.equals("PLB")) {
                        plb(s);
                    } else {
                        problem(s, "", "only PLB segments may follow a PLB before SE, found " + s.id);
                    }
                }
            }
        }

        private void header(Segment s) {
            switch (s.id) {
                case "BPR" -> bpr(s);
                case "TRN" -> {
                    if (required(s, 1) && required(s, 2) && required(s, 3)) {
                        trace = new Trace(value(s, 1), value(s, 2), value(s, 3), value(s, 4));
                        traceSegment = s;
                    }
                }
                case "CUR", "RDM", "N2" -> {
                    // foreign currency, remittance delivery method, extra name line: not needed for pharmacy
                }
                case "REF" -> {
                    Reference ref = reference(s);
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
                    String code = value(s, 1);
                    if (!"PR".equals(code) && !"PE".equals(code)) {
                        problem(s, "N101", "N1 in the 835 header must be PR (payer) or PE (payee), found '" + nz(code)
                                + "'");
                    }
                    required(s, 2);
                    party = new PartyBuilder(s, nz(code), value(s, 2), value(s, 3), value(s, 4));
                }
                case "N3" -> {
                    if (party != null) {
                        party.address.add(nz(value(s, 1)));
                        if (s.has(2)) {
                            party.address.add(value(s, 2));
                        }
                    }
                }
                case "N4" -> {
                    if (party != null) {
                        party.city = value(s, 1);
                        party.state = value(s, 2);
                        party.postalCode = value(s, 3);
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
                default -> problem(s, "", "segment " + s.id + " is not allowed in the 835 header (BPR…N1 loops)");
            }
        }

        private void bpr(Segment s) {
            bprSegment = s;
            String handling = value(s, 1);
            if (handling == null || !HANDLING_CODES.contains(handling)) {
                problem(s, "BPR01", "handling code must be one of C, D, H, I, P, U, X, found '" + nz(handling) + "'");
            }
            Money amount = money(s, 2, true);
            if (amount != null && amount.isNegative()) {
                problem(s, "BPR02", "the payment amount may not be negative (835 TR3: BPR02 ≥ 0; take-backs beyond "
                        + "the payment use PLB FB/WO), found " + amount);
            }
            String creditDebit = value(s, 3);
            if (!"C".equals(creditDebit) && !"D".equals(creditDebit)) {
                problem(s, "BPR03", "credit/debit flag must be C or D, found '" + nz(creditDebit) + "'");
            }
            String method = value(s, 4);
            if (method == null || !PAYMENT_METHODS.contains(method)) {
                problem(s, "BPR04", "payment method must be ACH, CHK, FWT, BOP or NON, found '" + nz(method) + "'");
            }
            LocalDate date = null;
            if (s.has(16)) {
                date = date(s, 16, true);
                String implausible = ElementRules.paymentDateProblem(date, fileDate());
                if (implausible != null) {
                    problem(s, "BPR16", "BPR16 " + implausible);
                    date = null;
                }
            } else {
                String hint = s.has(15) && value(s, 15).length() == 8 ? " (BPR15 holds '" + value(s, 15)
                        + "': the date may be one element too early)" : "";
                problem(s, "BPR16", "the payment date (BPR16, check issue or EFT effective date) is missing" + hint);
            }
            if (handling != null && amount != null && creditDebit != null && method != null && date != null) {
                financial = new FinancialInfo(handling, amount, creditDebit, method, value(s, 5), value(s, 6),
                        value(s, 7), value(s, 8), value(s, 9), value(s, 10), value(s, 11), value(s, 12), value(s, 13),
                        value(s, 14), value(s, 15), date);
            }
        }

        /** When the file was made: GS04 (CCYYMMDD), else ISA09. */
        private LocalDate fileDate() {
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
                    problem(party.segment, "N104", "the payee N1*PE must carry an identifier (N103 XX NPI, FI tax id "
                            + "or XV) in N103/N104");
                }
            }
            party = null;
        }

        /**
         * The header is complete at the first LX, PLB or SE: check and deliver it. When it is unusable
         * the claims are still read and checked (so the clerk sees every problem) but not delivered.
         */
        private void emitPayment(Segment at) {
            if (headerDone) {
                return;
            }
            headerDone = true;
            finishParty();
            if (trace == null) {
                problem(at, "", paymentLabel() + ": the TRN reassociation trace segment is missing");
            }
            if (payer == null) {
                problem(at, "", paymentLabel() + ": the payer (N1*PR loop 1000A) is missing");
            }
            if (payee == null) {
                problem(at, "", paymentLabel() + ": the payee (N1*PE loop 1000B) is missing");
            }
            if (financial == null || trace == null || payer == null || payee == null || interchange == null
                    || group == null) {
                return;
            }
            payment = new Payment(interchange, group, nz(st02), financial, trace, headerRefs, productionDate, payer,
                    payee);
            if (repeatsAnEarlierPayment(payment)) {
                payment = null;
                return;
            }
            handler.payment(paymentNumber, payment);
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
                    problem(traceSegment, "TRN02", paymentLabel() + ", ST02 " + printable(nz(st02)) + ": the same "
                            + "payment as payment " + e.number() + " of this file (ST02 " + printable(e.st02()) + " at "
                            + "segment " + e.segment() + "): same payer, trace and amount " + p.amount() + ". One EFT "
                            + "or check cannot be in a file twice; ask the payer for a corrected file");
                    return true;
                }
            }
            earlier.add(new SeenPayment(paymentNumber, nz(st02), stSegment == null ? 0 : stSegment.number,
                    nz(p.payerIdentifier()), payerName));
            return false;
        }

        private void endPayment(Segment se) {
            // a payment with no claims and no PLB (e.g. BPR 0.00 notice) is complete at SE
            emitPayment(se);
            finishClaim();
            if (payment == null) {
                return;
            }
            // 835 TR3 balancing (DOMAIN.md §2.6 rule 4): BPR02 = ΣCLP04 − ΣPLB (positive PLB reduces payment)
            Money expected = claimsPaid.minus(plbTotal);
            if (!expected.equals(financial.amount())) {
                problem(bprSegment, "BPR02", paymentLabel() + ": BPR02 says " + financial.amount()
                        + " but claims minus provider adjustments come to " + expected + " (claims " + claimsPaid
                        + ", provider adjustments " + plbTotal + ")");
            }
            handler.endPayment(paymentNumber, payment, claimCount);
        }

        private void detail(Segment s) {
            switch (s.id) {
                case "LX" -> {
                    finishClaim();
                    lx(s);
                }
                case "TS3", "TS2" -> {
                    if (claim != null) {
                        problem(s, "", s.id + " is a provider summary of loop 2000 and belongs right after LX, "
                                + "before the first CLP");
                    }
                }
                case "CLP" -> {
                    finishClaim();
                    clp(s);
                }
                case "PLB" -> {
                    finishClaim();
                    section = Section.PLB;
                    plb(s);
                }
                default -> {
                    if (claim == null) {
                        problem(s, "", "segment " + s.id + " must belong to a claim but no CLP precedes it");
                    } else {
                        claimSegment(s);
                    }
                }
            }
        }

        private void lx(Segment s) {
            if (required(s, 1)) {
                lx = value(s, 1);
            } else {
                lx = "";
            }
        }

        private void clp(Segment s) {
            claim = new ClaimBuilder(s, lx == null ? "" : lx);
            addRaw(s);
            boolean ok = required(s, 1) & required(s, 2) & required(s, 6);
            claim.charge = money(s, 3, true);
            claim.paid = money(s, 4, true);
            claim.patientResponsibility = money(s, 5, false);
            CodeTables codes = CodeTables.standard();
            String status = value(s, 2);
            if (status != null && !ElementRules.inList(codes.claimStatuses(), status)) {
                problem(s, "CLP02", claimLabel() + ": claim status '" + printable(status) + "' is not a 5010 CLP02 code");
                ok = false;
            }
            String filing = value(s, 6);
            if (filing != null && !ElementRules.inList(codes.claimFilingIndicators(), filing)) {
                problem(s, "CLP06", claimLabel() + ": claim filing indicator '" + printable(filing) + "' is not a "
                        + "005010X221A1 CLP06 code (" + String.join(", ", codeList(codes.claimFilingIndicators())) + ")");
                ok = false;
            }
            String frequency = value(s, 9);
            if (frequency != null && !ElementRules.inList(codes.claimFrequencies(), frequency)) {
                problem(s, "CLP09", claimLabel() + ": claim frequency '" + printable(frequency) + "' is not a CLP09 "
                        + "code (1 original, 7 replacement, 8 void, or another one-character type-of-bill frequency)");
                ok = false;
            }
            claim.ok = ok && claim.charge != null && claim.paid != null && (claim.patientResponsibility != null
                    || !s.has(5));
        }

        /** Keeps the segment for the claim's raw text, which must fit remit_claim.raw_segments. */
        private void addRaw(Segment s) {
            claim.raw.add(s);
            // "17: CLP*…" plus the line break (JdbiRemittanceRepository.raw)
            claim.rawLength += String.valueOf(s.number).length() + 3 + s.length();
            if (claim.rawLength > ElementRules.MAX_CLAIM_RAW_LENGTH && claim.ok) {
                problem(s, "", claimLabel() + ": the claim's segments come to more than "
                        + ElementRules.MAX_CLAIM_RAW_LENGTH + " characters, more than RxLedger keeps for one claim");
                claim.ok = false;
            }
        }

        private String claimLabel() {
            return paymentLabel() + ", claim " + (claim == null ? "?" : printable(nz(value(claim.clp, 1))));
        }

        private static List<String> codeList(org.rxledger.core.reference.CodeTable table) {
            return table.all().stream().map(org.rxledger.core.reference.CodeTable.Code::code).sorted().toList();
        }

        private void claimSegment(Segment s) {
            addRaw(s);
            LineBuilder line = claim.line;
            switch (s.id) {
                case "SVC" -> svc(s);
                case "CAS" -> cas(s, line != null ? line.adjustments : claim.adjustments);
                case "REF" -> {
                    Reference r = reference(s);
                    if (r != null) {
                        (line != null ? line.references : claim.references).add(r);
                    }
                }
                case "DTM" -> {
                    DateField d = dateField(s, line != null ? ElementRules.DateLoop.SERVICE_LINE
                            : ElementRules.DateLoop.CLAIM);
                    if (d != null) {
                        (line != null ? line.dates : claim.dates).add(d);
                    } else {
                        claim.ok = false;
                    }
                }
                case "AMT" -> {
                    Money amount = money(s, 2, true);
                    if (required(s, 1) && amount != null) {
                        (line != null ? line.amounts : claim.amounts).add(new AmountField(value(s, 1), amount));
                    }
                }
                case "QTY" -> {
                    BigDecimal q = decimal(s, 2, true);
                    if (required(s, 1) && q != null) {
                        (line != null ? line.quantities : claim.quantities).add(new QuantityField(value(s, 1), q));
                    }
                }
                case "LQ" -> {
                    if (line == null) {
                        problem(s, "", claimLabel() + ": LQ remarks belong to a service line (after SVC)");
                    } else if (required(s, 1) && required(s, 2)) {
                        line.remarks.add(new Remark(value(s, 1), value(s, 2)));
                    }
                }
                case "NM1" -> {
                    if (line != null) {
                        problem(s, "", claimLabel() + ": NM1 belongs to the claim, before its first SVC");
                    } else if (required(s, 1)) {
                        claim.names.add(new ClaimName(value(s, 1), value(s, 2), value(s, 3), value(s, 4), value(s, 5),
                                value(s, 7), value(s, 8), value(s, 9)));
                    }
                }
                case "MIA", "MOA", "PER" -> {
                    if (line != null) {
                        problem(s, "", claimLabel() + ": " + s.id + " belongs to the claim, before its first SVC");
                    }
                    // institutional/outpatient adjudication and claim contact: kept in the raw segments only
                }
                default -> problem(s, "", "segment " + s.id + " is not part of an 835 claim (loop 2100/2110)");
            }
        }

        private void svc(Segment s) {
            claim.finishLine();
            LineBuilder line = new LineBuilder(s, claim.lines.size() + 1);
            claim.line = line;
            line.product = product(s, 1, true);
            line.charge = money(s, 2, true);
            line.paid = money(s, 3, true);
            line.revenueCode = value(s, 4);
            line.units = decimal(s, 5, false);
            line.originalProduct = s.has(6) ? product(s, 6, false) : null;
            line.originalUnits = decimal(s, 7, false);
            line.ok = line.product != null && line.charge != null && line.paid != null
                    && (line.units != null || !s.has(5)) && (line.originalUnits != null || !s.has(7));
        }

        /**
         * SVC01/SVC06 composite. Some senders use a component separator other than the ISA16 they declare
         * (e.g. HC>99211 with ISA16 ':'); the qualifier then swallows the code and the check below names it.
         */
        private ProductId product(Segment s, int position, boolean required) {
            String element = element(s.id, position);
            List<String> parts = s.components(position);
            if (parts.isEmpty() || parts.get(0).isEmpty()) {
                if (required) {
                    problem(s, element, claimLabel() + ": the product/service id (qualifier" + componentSep
                            + "code, e.g. N4" + componentSep + "NDC) is missing");
                }
                return null;
            }
            String qualifier = parts.get(0);
            if (parts.size() < 2 || parts.get(1).isEmpty()) {
                problem(s, element, claimLabel() + ": product/service id '" + printable(qualifier) + "' is not a "
                        + "qualifier and code separated by '" + componentSep + "' (the component separator declared in "
                        + "ISA16)");
                return null;
            }
            if (!PRODUCT_QUALIFIERS.contains(qualifier)) {
                problem(s, element, claimLabel() + ": product/service id qualifier '" + printable(qualifier)
                        + "' is not one of " + String.join(", ", new java.util.TreeSet<>(PRODUCT_QUALIFIERS)));
                return null;
            }
            List<String> rest = new ArrayList<>(parts.subList(2, parts.size()));
            while (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
                rest.remove(rest.size() - 1);
            }
            return new ProductId(qualifier, parts.get(1), rest);
        }

        /** CAS: group code then up to six reason/amount/quantity triplets (CAS02–CAS19). */
        private void cas(Segment s, List<Adjustment> into) {
            String group = value(s, 1);
            if ("CR".equals(group)) {
                problem(s, "CAS01", "group code CR exists only in 4010 (004010X091A1) remittances; " + NOT_4010);
                claim.ok = false;
                return;
            }
            if (group == null || !GROUP_CODES.contains(group)) {
                problem(s, "CAS01", claimLabel() + ": adjustment group must be CO, PR, OA or PI, found '" + nz(group)
                        + "'");
                claim.ok = false;
                return;
            }
            int triplets = 0;
            for (int i = 2; i <= 17; i += 3) {
                if (!s.has(i) && !s.has(i + 1) && !s.has(i + 2)) {
                    continue;
                }
                String reason = value(s, i);
                Money amount = money(s, i + 1, true);
                BigDecimal quantity = decimal(s, i + 2, false);
                if (reason == null) {
                    problem(s, element(s.id, i), claimLabel() + ": an adjustment amount has no reason "
                            + "code (CARC)");
                    claim.ok = false;
                } else if (reason.length() > 5) {
                    problem(s, element(s.id, i), claimLabel() + ": '" + printable(reason) + "' is not a claim "
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
                problem(s, "CAS02", claimLabel() + ": a CAS segment needs at least one reason code and amount");
                claim.ok = false;
            }
        }

        private void finishClaim() {
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
                problem(c.clp, "", claimLabel() + ": the patient name (NM1*QC) is missing; it is required in every "
                        + "claim");
                ok = false;
            }
            // balance whenever the amounts are readable, even if another element is wrong, so the clerk
            // sees every problem of the claim at once
            if (amountsKnown) {
                ok &= balance(c);
            }
            if (ok && payment != null && handler.wantsClaims()) {
                handler.claim(c.build(elementSep, componentSep));
            }
            if (c.paid != null) {
                claimsPaid = claimsPaid.plus(c.paid);
            }
            claimCount++;
            totalClaims++;
            claim = null;
        }

        private static Money sum(List<Adjustment> adjustments, boolean patientOnly) {
            Money total = Money.ZERO;
            for (Adjustment a : adjustments) {
                if (!patientOnly || a.isPatientResponsibility()) {
                    total = total.plus(a.amount());
                }
            }
            return total;
        }

        /** The claim- and line-level balancing rules of DOMAIN.md §2.6 (rules 1–3) and the reversal sign rule (§2.7). */
        private boolean balance(ClaimBuilder c) {
            boolean ok = true;
            Money allAdjustments = sum(c.adjustments, false);
            Money patientAdjustments = sum(c.adjustments, true);
            for (LineBuilder line : c.lines) {
                Money lineAdjustments = sum(line.adjustments, false);
                allAdjustments = allAdjustments.plus(lineAdjustments);
                patientAdjustments = patientAdjustments.plus(sum(line.adjustments, true));
                // 835 TR3 balancing: SVC02 − Σ line CAS = SVC03
                Money expected = line.charge.minus(lineAdjustments);
                if (!expected.equals(line.paid)) {
                    problem(line.svc, "SVC03", claimLabel() + ", service line " + line.number + ": SVC02 "
                            + line.charge + " minus line adjustments " + lineAdjustments + " comes to " + expected
                            + " but SVC03 says " + line.paid);
                    ok = false;
                }
            }
            // 835 TR3 balancing: CLP03 − Σ claim CAS − Σ line CAS = CLP04
            Money expected = c.charge.minus(allAdjustments);
            if (!expected.equals(c.paid)) {
                problem(c.clp, "CLP04", claimLabel() + ": CLP03 " + c.charge + " minus claim and line "
                        + "adjustments " + allAdjustments + " comes to " + expected + " but CLP04 says " + c.paid);
                ok = false;
            }
            // DOMAIN.md §2.6 rule 3: CLP05 = Σ PR-group adjustments (absent CLP05 counts as zero)
            Money patient = c.patientResponsibility == null ? Money.ZERO : c.patientResponsibility;
            if (!patient.equals(patientAdjustments)) {
                problem(c.clp, "CLP05", claimLabel() + ": CLP05 patient responsibility says " + patient
                        + " but the PR adjustments add up to " + patientAdjustments);
                ok = false;
            }
            // DOMAIN.md §2.7: a reversal (CLP02 22) repeats the original with negated amounts
            if (ClaimPayment.REVERSAL.equals(value(c.clp, 2)) && (c.charge.isPositive() || c.paid.isPositive())) {
                problem(c.clp, "CLP04", claimLabel() + ": a reversal (CLP02 22) must carry negated amounts, found "
                        + "CLP03 " + c.charge + " and CLP04 " + c.paid);
                ok = false;
            }
            return ok;
        }

        /** PLB: provider, fiscal period date, then up to six reason:reference / amount pairs (PLB03–PLB14). */
        private void plb(Segment s) {
            boolean ok = required(s, 1);
            LocalDate date = date(s, 2, true);
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
                Money amount = money(s, i + 1, true);
                String element = element("PLB", i);
                if (reason.isEmpty()) {
                    problem(s, element, paymentLabel() + ": provider adjustment amount without a reason code");
                } else if (reason.length() != 2) {
                    // PLB03-1 is element 426, a 2-character code (DOMAIN.md §2.5)
                    problem(s, element, paymentLabel() + ": provider adjustment reason '" + printable(reason)
                            + "' is not a 2-character code (WO, FB, L6, CS, …)" + (id.size() == 1 ? " followed by the "
                            + "reference after '" + componentSep + "' (the component separator declared in ISA16)" : ""));
                } else if (amount != null) {
                    String reference = id.size() > 1 && !id.get(1).isEmpty() ? id.get(1) : null;
                    ProviderAdjustment adjustment = new ProviderAdjustment(value(s, 1), date, reason, reference, amount);
                    // sign convention (DOMAIN.md §2.5): positive PLB reduces the payment
                    plbTotal = plbTotal.plus(amount);
                    if (payment != null) {
                        handler.providerAdjustment(adjustment);
                    }
                    pairs++;
                }
            }
            if (pairs == 0 && s.has(3)) {
                return;
            }
            if (pairs == 0) {
                problem(s, "PLB03", paymentLabel() + ": a PLB segment needs at least one adjustment reason and amount");
            }
        }

        // ---------------------------------------------------------------- elements

        private Reference reference(Segment s) {
            if (required(s, 1) && (s.has(2) || s.has(3))) {
                return new Reference(value(s, 1), s.has(2) ? value(s, 2) : value(s, 3));
            }
            if (s.has(1)) {
                problem(s, "REF02", "reference " + value(s, 1) + " has no value");
            }
            return null;
        }

        private DateField dateField(Segment s, ElementRules.DateLoop loop) {
            LocalDate date = date(s, 2, true);
            if (!required(s, 1)) {
                return null;
            }
            String wrongQualifier = ElementRules.dateQualifierProblem(loop, value(s, 1));
            if (wrongQualifier != null) {
                problem(s, "DTM01", (loop == ElementRules.DateLoop.HEADER ? paymentLabel() : claimLabel()) + ": "
                        + "DTM01 " + wrongQualifier);
                return null;
            }
            return date == null ? null : new DateField(value(s, 1), date);
        }

        private Contact contact(Segment s) {
            List<Contact.ContactNumber> numbers = new ArrayList<>();
            for (int i = 3; i <= 7; i += 2) {
                if (s.has(i) || s.has(i + 1)) {
                    numbers.add(new Contact.ContactNumber(value(s, i), value(s, i + 1)));
                }
            }
            return new Contact(nz(value(s, 1)), value(s, 2), numbers);
        }

        private String value(Segment s, int position) {
            List<String> parts = s.components(position);
            if (parts.isEmpty()) {
                return null;
            }
            String joined = parts.size() == 1 ? parts.get(0) : String.join(String.valueOf(componentSep), parts);
            return joined.isEmpty() ? null : joined;
        }

        private boolean required(Segment s, int position) {
            if (s.has(position)) {
                return true;
            }
            problem(s, element(s.id, position), "required element is missing");
            return false;
        }

        private Money money(Segment s, int position, boolean required) {
            if (!s.has(position)) {
                if (required) {
                    required(s, position);
                }
                return null;
            }
            String text = value(s, position);
            String element = element(s.id, position);
            if (!DECIMAL.matcher(text).matches()) {
                problem(s, element, "'" + printable(text) + "' is not an amount (expected e.g. 12.30 or -5)");
                return null;
            }
            String tooLong = ElementRules.amountProblem(text);
            if (tooLong != null) {
                problem(s, element, tooLong);
                return null;
            }
            try {
                return Money.of(new BigDecimal(text));
            } catch (IllegalArgumentException e) {
                problem(s, element, "amount " + text + " has fractions of a cent");
                return null;
            }
        }

        private BigDecimal decimal(Segment s, int position, boolean required) {
            if (!s.has(position)) {
                if (required) {
                    required(s, position);
                }
                return null;
            }
            String text = value(s, position);
            if (!DECIMAL.matcher(text).matches()) {
                problem(s, element(s.id, position), "'" + printable(text) + "' is not a number");
                return null;
            }
            String tooLong = ElementRules.quantityProblem(text);
            if (tooLong != null) {
                problem(s, element(s.id, position), tooLong);
                return null;
            }
            return new BigDecimal(text);
        }

        private LocalDate date(Segment s, int position, boolean required) {
            if (!s.has(position)) {
                if (required) {
                    required(s, position);
                }
                return null;
            }
            return parseDate(s, position, CCYYMMDD);
        }

        private LocalDate parseDate(Segment s, int position, DateTimeFormatter format) {
            String text = value(s, position);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                problem(s, element(s.id, position), "'" + printable(text) + "' is not a valid date ("
                        + (format == YYMMDD ? "YYMMDD" : "CCYYMMDD") + ")");
                return null;
            }
        }

        private void problem(Segment s, String element, String message) {
            problem(s.number, s.id, element, message);
        }

        private void problem(int segment, String id, String element, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new RemittanceProblem(file, segment, id, element, message));
            }
            if (problems.size() >= MAX_PROBLEMS) {
                stop = true;
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }

        private static String stripZeros(String count) {
            if (count == null) {
                return "";
            }
            String stripped = count.replaceFirst("^0+(?=\\d)", "");
            return stripped;
        }

        private static String printable(String s) {
            return ElementRules.printable(s);
        }
    }

    /** Wraps what the handler throws so it passes through the reader's own error handling unchanged. */
    /** "SVC01", "BPR16": the element name X12 guides use (String.format is too slow for the hot path). */
    static String element(String segmentId, int position) {
        return position < 10 ? segmentId + "0" + position : segmentId + position;
    }

    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private record Guarded(RemittanceHandler delegate) implements RemittanceHandler {

        @Override
        public void payment(int number, Payment payment) {
            try {
                delegate.payment(number, payment);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public boolean wantsClaims() {
            return delegate.wantsClaims();
        }

        @Override
        public void claim(ClaimPayment claim) {
            try {
                delegate.claim(claim);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            try {
                delegate.providerAdjustment(adjustment);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void endPayment(int number, Payment payment, int claimCount) {
            try {
                delegate.endPayment(number, payment, claimCount);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }
    }

    /** Collects loop 1000A/1000B pieces until the next N1 or the first LX. */
    private static final class PartyBuilder {
        final Segment segment;
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

        PartyBuilder(Segment segment, String code, String name, String idQualifier, String id) {
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

    /** Collects loop 2100 until the next CLP, LX, PLB or SE. */
    private static final class ClaimBuilder {
        final Segment clp;
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
        final List<Segment> raw = new ArrayList<>();
        long rawLength;
        LineBuilder line;

        ClaimBuilder(Segment clp, String lx) {
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
            for (Segment s : raw) {
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
        final Segment svc;
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

        LineBuilder(Segment svc, int number) {
            this.svc = svc;
            this.number = number;
        }

        ServiceLine build() {
            return new ServiceLine(product, charge, paid, revenueCode, units, originalProduct, originalUnits, dates,
                    adjustments, references, amounts, quantities, remarks);
        }
    }
}
