package org.rxledger.core.remit;

import static org.rxledger.core.remit.ReadContext.printable;
import static org.rxledger.core.remit.X12Segment.element;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The first part of a read: turns bytes into {@link X12Segment}s on StAEDI and hands each to the
 * {@link EnvelopeChecks}. It checks the fixed-length ISA layout itself (for a plain message instead of a
 * tokenizer error), lets StAEDI validate the control structure, and turns StAEDI and I/O failures
 * (truncated or garbled input) into problems. It polls for cancellation every 256 segments.
 */
final class X12Tokenizer {

    /** Where the segments go: the envelope checks, or a test. */
    interface Segments {
        /** One complete segment, in file order. */
        void segment(X12Segment segment);

        /** The input ended cleanly between segments; {@code segmentCount} segments were read. */
        void atEnd(long segmentCount);
    }

    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    /** ISA is fixed-length: "ISA" + 16 separators + the element widths + terminator = 106 characters. */
    private static final int ISA_LENGTH = 106;

    private final ReadContext context;
    private final Segments envelope;
    private final BooleanSupplier cancelled;
    private boolean cancelledSeen;
    private long segmentCount;
    private int lastSegmentNumber;
    private String lastSegmentId = "";
    private boolean segmentComplete = true;

    X12Tokenizer(ReadContext context, Segments envelope, BooleanSupplier cancelled) {
        this.context = context;
        this.envelope = envelope;
        this.cancelled = cancelled;
    }

    long segmentCount() {
        return segmentCount;
    }

    boolean cancelledSeen() {
        return cancelledSeen;
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
            if (!context.stop) {
                envelope.atEnd(segmentCount);
            }
        } catch (GuardedHandler.HandlerFailure e) {
            // the handler's own failure (e.g. a database error while storing) is not a problem of the file
            throw (RuntimeException) e.getCause();
        } catch (EDIStreamException | RuntimeException e) {
            streamFailure(e);
        } catch (IOException e) {
            context.problem(0, "", "", "the file could not be read: " + e.getMessage());
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
            context.problem(0, "", "", "the file is empty: an 835 starts with an ISA interchange header");
            return false;
        }
        String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("ISA") || text.length() < 4) {
            String first = text.substring(0, Math.min(3, text.length()));
            context.problem(1, first, "", "this is not an X12 file: it must start with an ISA interchange header, "
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
                    context.problem(1, "ISA", name, "the interchange header ends early or is garbled: " + name
                            + " is missing (the file may be truncated)");
                    return false;
                }
                if (actualEnd != next) {
                    context.problem(1, "ISA", name, "the ISA is fixed-length (106 characters): " + name + " must be "
                            + ISA_WIDTHS[i] + " characters but is " + (actualEnd - pos) + " ('"
                            + printable(text.substring(pos, actualEnd)) + "')");
                    return false;
                }
                pos = next + 1;
            } else {
                if (text.length() < ISA_LENGTH) {
                    context.problem(1, "ISA", name, "the file ends inside the ISA interchange header: it is truncated");
                    return false;
                }
                char terminator = text.charAt(next);
                if (Character.isLetterOrDigit(terminator) || terminator == sep || terminator == ' ') {
                    context.problem(1, "ISA", name, "the ISA is fixed-length (106 characters): ISA16 must be one "
                            + "character followed by the segment terminator, found '"
                            + printable(text.substring(pos, Math.min(text.length(), pos + 5))) + "'");
                    return false;
                }
            }
        }
        String version = text.substring(84, 89);
        if (version.equals("00401")) {
            context.problem(1, "ISA", "ISA12", "this is a 4010 interchange (ISA12 00401); " + ReadContext.NOT_4010);
            return false;
        }
        if (!version.equals("00501")) {
            context.problem(1, "ISA", "ISA12", "interchange version ISA12 must be 00501 (5010), found '" + version
                    + "'");
            return false;
        }
        in.skipNBytes(start);
        return true;
    }

    private void tokenize(EDIStreamReader reader) throws EDIStreamException {
        X12Segment segment = null;
        List<String> composite = null;
        int compositePosition = 0;
        while (!context.stop && reader.hasNext()) {
            EDIStreamEvent event = reader.next();
            switch (event) {
                case START_SEGMENT -> {
                    segment = new X12Segment(reader.getText(), reader.getLocation().getSegmentPosition());
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
                            context.elementSep = delimiters.getOrDefault(
                                    EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
                            context.componentSep = delimiters.getOrDefault(
                                    EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
                        }
                        segmentCount++;
                        if ((segmentCount & 255) == 0 && cancelled.getAsBoolean()) {
                            cancelledSeen = true;
                            context.stop = true;
                            return;
                        }
                        envelope.segment(segment);
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
        if (!context.stop && cancelled.getAsBoolean()) {
            cancelledSeen = true;
            context.stop = true;
        }
    }

    /** StAEDI's own envelope validation; counts and control numbers are checked below in plainer words. */
    private void staediError(EDIStreamReader reader, X12Segment segment) {
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
        context.problem(number, id, element, "the envelope is invalid (" + error.name().toLowerCase().replace('_', ' ')
                + (text != null && !text.isEmpty() ? ", found '" + printable(text) + "'" : "") + ")");
    }

    private void streamFailure(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (causedBy(e, java.nio.BufferOverflowException.class)) {
            // StAEDI holds one element in a 4,096-character buffer; no 835 element comes near it
            context.problem(lastSegmentNumber, lastSegmentId, "", "segment " + lastSegmentId
                    + " holds an element longer than 4096 characters; no 835 element is longer than 256 (the file is "
                    + "damaged or not an 835)");
        } else if (message.contains("Unexpected end of stream") && segmentComplete) {
            // StAEDI reports a stream that stops between segments but before IEA this way
            envelope.atEnd(segmentCount);
        } else if (message.contains("Unexpected end of stream")) {
            context.problem(lastSegmentNumber, lastSegmentId, "", "the file ends in the middle of segment "
                    + lastSegmentNumber + ": it is incomplete (truncated in transfer?)");
        } else {
            context.problem(lastSegmentNumber + 1, "", "", "the file is not valid X12 after segment "
                    + lastSegmentNumber + " (" + lastSegmentId + "): " + printable(message));
        }
        context.stop = true;
    }

    /**
     * The element rules of {@link ElementRules}, on every segment of an 835 transaction set (and GS,
     * ST): segment length, element count, characters and lengths. Composites with rules per
     * component (SVC01, SVC06, PLB03…) are checked component by component, other elements as sent.
     */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
