package org.rxledger.core.payer;

/** A payer's matched claim payments that carry both CLP07 and the claim's 503-F3, and how many are equal. */
public record Clp07Evidence(long lines, long equal) {

    public static final Clp07Evidence NONE = new Clp07Evidence(0, 0);

    public Clp07Convention convention() {
        return Clp07Convention.of(lines, equal);
    }

    public Clp07Evidence plus(Clp07Evidence other) {
        return new Clp07Evidence(lines + other.lines, equal + other.equal);
    }

    /** "authorization number (97 % of 120 lines)" */
    public String describe() {
        String share = lines == 0 ? "no matched lines yet" : (equal * 100 / lines) + " % of " + lines + " lines equal 503-F3";
        return switch (convention()) {
            case AUTHORIZATION -> "authorization number (" + share + ")";
            case PAYER_CLAIM_NUMBER -> "payer's own claim number (" + share + ")";
            case UNKNOWN -> "not known yet (" + share + ")";
        };
    }
}
