package org.rxledger.app.claims;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Predicate;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;

/**
 * The claims browser's quick filters as one immutable value; {@link #test} is pure so 100k rows
 * refilter in memory without touching the database.
 *
 * @param text   Rx number prefix (digits; "7001234-02" also matches the fill) or a case-insensitive
 *               part of the patient name; blank = any
 * @param status null = all statuses
 * @param payer  payer name, null = all payers
 * @param from   first date of service included, null = open
 * @param to     last date of service included, null = open
 */
public record ClaimFilter(String text, ClaimStatus status, String payer, LocalDate from, LocalDate to)
        implements Predicate<ClaimSummary> {

    public static final ClaimFilter NONE = new ClaimFilter("", null, null, null, null);

    public ClaimFilter {
        text = text == null ? "" : text.strip();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public boolean test(ClaimSummary c) {
        return matchesText(c) && (status == null || c.status() == status)
                && (payer == null || payer.equals(c.payerName()))
                && (from == null || !c.dateOfService().isBefore(from))
                && (to == null || !c.dateOfService().isAfter(to));
    }

    private boolean matchesText(ClaimSummary c) {
        if (text.isEmpty()) {
            return true;
        }
        if (c.rxNumber().startsWith(text)) {
            return true;
        }
        int dash = text.indexOf('-');
        if (dash > 0 && c.rxNumber().equals(text.substring(0, dash))) {
            String fill = String.format("%02d", c.fillNumber());
            if (fill.startsWith(text.substring(dash + 1))) {
                return true;
            }
        }
        return c.patientName() != null
                && c.patientName().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
