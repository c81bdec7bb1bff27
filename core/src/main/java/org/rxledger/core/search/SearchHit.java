package org.rxledger.core.search;

import java.util.Objects;

/**
 * One result of the global search: what it is, the key the area it opens in finds it by, and the two lines a clerk
 * reads in the result list. Identifiers a list must not show (cardholder ids, dates of birth) are matched on but
 * never part of the text.
 *
 * @param key   claim id (CLAIM), payment id (PAYMENT), audit id (AUDIT_CASE), exception key (EXCEPTION) or
 *              account key such as {@code P12} (PATIENT)
 * @param title what the clerk recognises the item by ("Rx 7001234-02", "Trace 883100442")
 * @param detail one line of context (date, patient or payer, amount)
 */
public record SearchHit(Kind kind, String key, String title, String detail) {

    /** The kinds in the order their groups are listed. */
    public enum Kind {
        CLAIM("Claims"), PAYMENT("Payments"), AUDIT_CASE("Audit cases"), EXCEPTION("Exceptions"), PATIENT("Patients");

        private final String group;

        Kind(String group) {
            this.group = group;
        }

        /** The heading of the kind's group of results. */
        public String group() {
            return group;
        }
    }

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }
}
