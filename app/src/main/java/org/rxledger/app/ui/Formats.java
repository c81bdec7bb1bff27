package org.rxledger.app.ui;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.Locale;
import org.rxledger.core.money.Money;

/**
 * One way to write each kind of value everywhere in the workstation (UI.md §2): ISO dates,
 * money with two decimals, thousands separators and a leading minus, NDCs as 5-4-2.
 */
public final class Formats {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    public static String money(Money m) {
        return m == null ? "" : moneyFormat().format(m.amount());
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public static String timestamp(Instant i) {
        return i == null ? "" : TIMESTAMP.format(i.atZone(ZoneId.systemDefault()));
    }

    /** 00002759701 → 00002-7597-01; anything that is not 11 digits is shown as stored. */
    public static String ndc(String ndc11) {
        if (ndc11 == null || !ndc11.matches("\\d{11}")) {
            return ndc11 == null ? "" : ndc11;
        }
        return ndc11.substring(0, 5) + "-" + ndc11.substring(5, 9) + "-" + ndc11.substring(9);
    }

    /** 30.000 → 30; 2.500 → 2.5 */
    public static String quantity(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** "1 case", "2 cases", "1,204 claims": the count with its noun, singular for one. */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    private static DecimalFormat moneyFormat() {
        // DecimalFormat is not thread-safe; cells format on the FX thread, detail loads off it
        DecimalFormat f = new DecimalFormat("#,##0.00;-#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setParseBigDecimal(true);
        return f;
    }
}
