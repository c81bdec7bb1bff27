package org.rxledger.core.remit;

import java.util.ArrayList;
import java.util.List;

/** One segment as tokenised by StAEDI: elements 1..n, each a list of components. */
final class X12Segment {
    final String id;
    final int number;
    final List<List<String>> elements = new ArrayList<>();
    int repeatedElement;
    private int length = -1;

    X12Segment(String id, int number) {
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

    /** "SVC01", "BPR16": the element name X12 guides use (String.format is too slow for the hot path). */
    static String element(String segmentId, int position) {
        return position < 10 ? segmentId + "0" + position : segmentId + position;
    }
}
