package org.rxledger.core.payer;

/**
 * What a payer puts in CLP07, learned from its earlier matched claim payments (DOMAIN.md §2.3 says CLP07 is
 * "often" the NCPDP authorization number 503-F3, not always). Only {@link #AUTHORIZATION} makes a CLP07 that
 * equals no authorization number evidence against a candidate.
 */
public enum Clp07Convention {
    /** At least {@link #MIN_LINES} matched lines, {@link #SHARE_PERCENT} % or more with CLP07 = 503-F3. */
    AUTHORIZATION,
    /** Enough lines, and CLP07 mostly differs from 503-F3: the PBM's own claim number. */
    PAYER_CLAIM_NUMBER,
    /** Too few matched lines with both values, or no clear majority. */
    UNKNOWN;

    public static final int MIN_LINES = 3;
    public static final int SHARE_PERCENT = 80;

    /** Decides from {@code equal} of {@code lines} matched lines (both CLP07 and 503-F3 present) agreeing. */
    public static Clp07Convention of(long lines, long equal) {
        if (lines < MIN_LINES) {
            return UNKNOWN;
        }
        if (equal * 100 >= lines * SHARE_PERCENT) {
            return AUTHORIZATION;
        }
        if ((lines - equal) * 100 >= lines * SHARE_PERCENT) {
            return PAYER_CLAIM_NUMBER;
        }
        return UNKNOWN;
    }
}
