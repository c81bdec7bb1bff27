package org.rxledger.core.matching;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxledger.core.access.IdentifierMask;

/** How one key compared between the remitted claim and a stored claim. */
public record KeyCheck(MatchKey key, Outcome outcome, String remitted, String stored) {

    public enum Outcome {
        AGREED, DISAGREED, NOT_AVAILABLE
    }

    public int points() {
        return switch (outcome) {
            case AGREED -> key.agreeWeight();
            case DISAGREED -> -key.disagreePenalty();
            case NOT_AVAILABLE -> 0;
        };
    }

    /** The words {@link #describe} gives the member id's values in, so a stored explanation can be masked too. */
    private static final Pattern MEMBER_AGREED = Pattern.compile("(" + Pattern.quote(MatchKey.MEMBER_ID.label())
            + " agreed \\()([^)]*)(\\))");
    private static final Pattern MEMBER_DISAGREED = Pattern.compile("(" + Pattern.quote(MatchKey.MEMBER_ID.label())
            + " disagreed: remittance )([^,;]*)(, claim )([^;)]*?)(?=;|\\.|\\)|$)");

    /**
     * This check as {@code mask}'s reader may see it: the member id's two values masked like the Claims list's
     * cardholder id (issue 16, minimum necessary); every other key as it is.
     */
    public KeyCheck masked(IdentifierMask mask) {
        if (key != MatchKey.MEMBER_ID || mask == IdentifierMask.FULL) {
            return this;
        }
        return new KeyCheck(key, outcome, maskValue(remitted, mask), maskValue(stored, mask));
    }

    private static String maskValue(String value, IdentifierMask mask) {
        return value == null || value.equals("—") ? value : mask.cardholderId(value);
    }

    /** An explanation built from {@link #describe} (stored with a decision) with its member ids masked for {@code mask}. */
    public static String maskMemberIds(String explanation, IdentifierMask mask) {
        if (explanation == null || mask == IdentifierMask.FULL) {
            return explanation;
        }
        Matcher agreed = MEMBER_AGREED.matcher(explanation);
        String text = agreed.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + maskValue(m.group(2), mask) + m.group(3)));
        Matcher disagreed = MEMBER_DISAGREED.matcher(text);
        return disagreed.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + maskValue(m.group(2), mask) + m.group(3)
                + maskValue(m.group(4), mask)));
    }

    /** "date of service agreed (2025-03-03)" / "NDC disagreed: remit 123…, claim 456…" */
    public String describe() {
        return switch (outcome) {
            case AGREED -> key.label() + " agreed (" + stored + ")";
            case DISAGREED -> key.label() + " disagreed: remittance " + remitted + ", claim " + stored;
            case NOT_AVAILABLE -> key.label() + " not available";
        };
    }
}
