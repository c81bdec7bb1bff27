package org.rxledger.core.remit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Segments built in a test from X12 text ('~', '*', ':'), numbered from 1 as the tokenizer numbers them. */
final class X12Segments {

    private X12Segments() {
    }

    static List<X12Segment> parse(String text) {
        List<X12Segment> segments = new ArrayList<>();
        for (String line : text.split("~")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] elements = trimmed.split("\\*", -1);
            X12Segment segment = new X12Segment(elements[0], segments.size() + 1);
            for (int i = 1; i < elements.length; i++) {
                segment.set(i, elements[0].equals("ISA") ? List.of(elements[i])
                        : Arrays.asList(elements[i].split(":", -1)));
            }
            segments.add(segment);
        }
        return segments;
    }
}
