package org.rxledger.core.remit;

/**
 * One reason an 835 file is refused, in words a clerk can pass to the payer.
 *
 * @param segmentNumber position of the segment in the file, ISA = 1; 0 when the problem concerns the
 *                      whole file (e.g. it ends early)
 * @param segmentId e.g. "BPR", or "" when not tied to one segment
 * @param element e.g. "BPR02", or "" when not tied to one element
 * @param message what is wrong, with expected and found values
 */
public record RemittanceProblem(String fileName, int segmentNumber, String segmentId, String element,
                                String message) {

    /** "remit.835, segment 4 (BPR), BPR02: Payment 1 (trace EFT1234): BPR02 says …". */
    public String describe() {
        StringBuilder sb = new StringBuilder(fileName);
        if (segmentNumber > 0) {
            sb.append(", segment ").append(segmentNumber).append(" (").append(segmentId).append(')');
        }
        if (!element.isEmpty()) {
            sb.append(", ").append(element);
        }
        return sb.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
