package org.rxledger.core.mfp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.RxFill;

/**
 * Reads an MTF claim payment's CLP01 into (Rx, fill) readings: the MTF's own spelling, the Rx padded to 12 digits,
 * {@code FILL} and the fill number ({@code 000000318553FILL1}), first, then every reading the plans' spellings give
 * ({@link Clp01Patterns}). Leading zeros of the Rx number are dropped: the pharmacy's Rx numbers carry none.
 */
public final class MfpClp01 {

    private static final Pattern MTF = Pattern.compile("(?i)0*(?<rx>\\d{1,12})\\s*FILL\\s*(?<fill>\\d{1,2})");
    private static final Clp01Patterns PLANS = new Clp01Patterns();

    private MfpClp01() {
    }

    public static List<RxFill> readings(String clp01) {
        List<RxFill> readings = new ArrayList<>();
        if (clp01 == null) {
            return readings;
        }
        Matcher m = MTF.matcher(clp01.strip());
        if (m.matches()) {
            readings.add(new RxFill(m.group("rx"), Integer.valueOf(m.group("fill")), null, "mtf-rx12-fill"));
            return readings;
        }
        for (RxFill r : PLANS.decode(null, clp01)) {
            String rx = r.rx().replaceFirst("^0+(?=\\d)", "");
            readings.add(new RxFill(rx, r.fill(), r.dateOfService(), r.pattern()));
        }
        return readings;
    }
}
