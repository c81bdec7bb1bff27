package org.rxledger.core.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxledger.core.error.RxLedgerException;

/**
 * Decodes CLP01 (patient control number) into candidate (Rx, fill) readings.
 *
 * <p>NCPDP claims have no patient control number, so PBMs echo the Rx number (402-D2), often with the
 * fill number (403-D3) and sometimes the date of service: {@code 7001234}, {@code 7001234-02},
 * {@code 7001234-2}, {@code 700123402}, {@code 700123402-20250303} (DOMAIN.md §2.3). The layout is set
 * per PBM in its companion guide, so patterns are configurable per payer; the defaults need no set-up
 * and deliberately return <em>every</em> plausible reading ({@code 700123402} is Rx 700123402 or
 * Rx 7001234 fill 2) — the stored claims and the date of service decide between them.
 *
 * <p>A pattern is a regular expression over the whole CLP01 with named groups {@code rx} (required),
 * {@code fill} and {@code dos} (CCYYMMDD), both optional.
 */
public final class Clp01Patterns {

    /** The named groups {@link #decode} reads; a pattern naming any other is refused when it is set. */
    private static final Set<String> GROUPS = Set.of("rx", "fill", "dos");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** The defaults, in order of preference. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("rx-fill", "(?<rx>\\d{1,12})[-/ ](?<fill>\\d{1,2})");
        d.put("rx-fill-dos", "(?<rx>\\d{1,12})[-/ ](?<fill>\\d{1,2})[-/ ](?<dos>\\d{8})");
        d.put("rxfill-dos", "(?<rx>\\d{1,12})(?<fill>\\d{2})[-/ ](?<dos>\\d{8})");
        d.put("rx-dos", "(?<rx>\\d{1,12})[-/ ](?<dos>\\d{8})");
        d.put("rx", "(?<rx>\\d{1,12})");
        d.put("rxfill", "(?<rx>\\d{1,12})(?<fill>\\d{2})");
        DEFAULTS = Map.copyOf(d);
        ORDER = List.copyOf(d.keySet());
    }

    private static final List<String> ORDER;
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<String, List<NamedPattern>> perPayer = new LinkedHashMap<>();
    private final List<NamedPattern> defaults;

    private record NamedPattern(String name, Pattern pattern) {
    }

    public Clp01Patterns() {
        List<NamedPattern> list = new ArrayList<>();
        for (String name : ORDER) {
            list.add(new NamedPattern(name, Pattern.compile(DEFAULTS.get(name))));
        }
        defaults = List.copyOf(list);
    }

    /**
     * Sets the patterns of one payer (name as in N1*PR, case-insensitive); they are tried before the
     * defaults. Refuses a pattern without an {@code rx} group.
     */
    public Clp01Patterns forPayer(String payerName, List<String> regexes) {
        List<NamedPattern> list = new ArrayList<>();
        int i = 1;
        for (String regex : regexes) {
            try {
                check(regex);
            } catch (RxLedgerException e) {
                throw RxLedgerException.invalid("CLP01 pattern '" + regex + "' for " + payerName + " " + e.getMessage());
            }
            list.add(new NamedPattern(payerName + " #" + i++, Pattern.compile(regex)));
        }
        perPayer.put(payerName.toUpperCase(Locale.ROOT), List.copyOf(list));
        return this;
    }

    /**
     * Refuses a payer pattern {@link #decode} could not use: one naming a group other than rx, fill
     * and dos, or without an rx group. The message says what is wrong, without naming the pattern
     * (callers add where it came from). Syntax errors surface from {@link Pattern#compile}.
     */
    public static void check(String regex) {
        Matcher named = NAMED_GROUP.matcher(regex);
        boolean rx = false;
        while (named.find()) {
            if (!GROUPS.contains(named.group(1))) {
                throw RxLedgerException.invalid("has a group named '" + named.group(1)
                        + "'; the groups are rx (the Rx number, required), fill and dos (CCYYMMDD)");
            }
            rx |= named.group(1).equals("rx");
        }
        if (!rx) {
            throw RxLedgerException.invalid("needs a named group (?<rx>...) for the Rx number");
        }
    }

    /** Every plausible reading of {@code clp01}, most specific first; empty when none fits. */
    public List<RxFill> decode(String payerName, String clp01) {
        if (clp01 == null) {
            return List.of();
        }
        String value = clp01.strip();
        Set<RxFill> readings = new LinkedHashSet<>();
        List<NamedPattern> own = payerName == null ? List.of() : perPayer.getOrDefault(payerName.toUpperCase(Locale.ROOT), List.of());
        for (NamedPattern p : own) {
            read(p, value, readings);
        }
        for (NamedPattern p : defaults) {
            read(p, value, readings);
        }
        return List.copyOf(readings);
    }

    private static void read(NamedPattern p, String value, Set<RxFill> readings) {
        Matcher m = p.pattern().matcher(value);
        if (!m.matches()) {
            return;
        }
        String rx = stripLeadingZeros(m.group("rx"));
        String fillText = group(m, "fill");
        Integer fill = null;
        if (fillText != null) {
            if (!fillText.matches("\\d{1,2}")) {
                return; // a payer's pattern caught something that is not a fill number: it does not apply
            }
            fill = Integer.valueOf(fillText);
        }
        LocalDate dos = null;
        String dosText = group(m, "dos");
        if (dosText != null) {
            try {
                dos = LocalDate.parse(dosText, CCYYMMDD);
            } catch (DateTimeParseException e) {
                return; // eight digits that are not a date: this pattern does not apply
            }
        }
        if (!rx.isEmpty()) {
            readings.add(new RxFill(rx, fill, dos, p.name()));
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }

    private static String stripLeadingZeros(String rx) {
        int i = 0;
        while (i < rx.length() - 1 && rx.charAt(i) == '0') {
            i++;
        }
        return rx.substring(i);
    }
}
