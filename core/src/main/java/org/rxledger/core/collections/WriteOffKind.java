package org.rxledger.core.collections;

import org.rxledger.core.ledger.LedgerAccount;

/**
 * What a write-off is, and the ledger account it lands on (DOMAIN.md §6.2): a small balance is an administrative
 * write-off, never bad debt; deceased, bankruptcy and charity are their own kinds and always need the top tier.
 */
public enum WriteOffKind {
    SMALL_BALANCE(LedgerAccount.WRITE_OFF, false),
    BAD_DEBT(LedgerAccount.BAD_DEBT, false),
    DECEASED(LedgerAccount.WRITE_OFF, true),
    BANKRUPTCY(LedgerAccount.BAD_DEBT, true),
    CHARITY(LedgerAccount.CHARITY_CARE, true);

    private final LedgerAccount account;
    private final boolean alwaysTopTier;

    WriteOffKind(LedgerAccount account, boolean alwaysTopTier) {
        this.account = account;
        this.alwaysTopTier = alwaysTopTier;
    }

    public LedgerAccount account() {
        return account;
    }

    public boolean alwaysTopTier() {
        return alwaysTopTier;
    }
}
