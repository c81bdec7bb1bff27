package org.rxledger.core.collections;

import org.rxledger.core.error.RxLedgerException;

/**
 * Why collection on an account stops (DOMAIN.md §6.1–6.2). Every hold stops statements and the
 * bad-debt and small-balance rules; three of them make an account a write-off of its own kind.
 */
public enum HoldKind {
    DISPUTE("Dispute or billing error under review"),
    THIRD_PARTY_OPEN("A third-party claim is still open: the patient share is not final"),
    /** Automatic stay, 11 U.S.C. §362: all collection stops on notice. */
    BANKRUPTCY("Bankruptcy notice received: all collection stopped"),
    BANKRUPTCY_DISCHARGED("Bankruptcy discharged: the balance is written off as discharged"),
    DECEASED("Patient deceased: dunning stopped"),
    HARDSHIP_PENDING("Financial-hardship application pending"),
    HARDSHIP_APPROVED("Hardship approved under the written charity policy");

    private final String description;

    HoldKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** As typed on the command line: {@code bankruptcy}, {@code third-party-open}. */
    public static HoldKind parse(String text) {
        String key = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (HoldKind k : values()) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        throw RxLedgerException.invalid("unknown hold '" + text.strip() + "'; expected one of dispute, third-party-open, "
                + "bankruptcy, bankruptcy-discharged, deceased, hardship-pending, hardship-approved");
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
