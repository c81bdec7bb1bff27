package org.rxledger.core.contract;

import java.util.Locale;

/** What a price file holds: a unit price list of one {@link PriceBasis}, or wholesaler invoice lines. */
public enum PriceKind {
    MAC, NADAC, AWP, WAC, INVOICE;

    /** The basis whose unit prices this kind holds; null for invoices. */
    public PriceBasis basis() {
        return this == INVOICE ? null : PriceBasis.valueOf(name());
    }

    /** Reads {@code mac}, {@code NADAC}, … as typed on the command line. */
    public static PriceKind parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (PriceKind k : values()) {
            if (k.name().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown price list kind '" + text + "'; expected mac, nadac, awp, wac or invoice");
    }
}
