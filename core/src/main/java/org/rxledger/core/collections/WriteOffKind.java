package org.rxledger.core.collections;

import org.rxledger.core.ledger.LedgerAccount;

/**
 * What a write-off is, and the ledger account it lands on (DOMAIN.md §6.2): a small balance is an administrative
 * write-off, never bad debt; deceased, bankruptcy and charity are their own kinds and always need the top tier. The
 * third-party kinds write off what a plan will not pay on one claim; they land on the contractual adjustments account,
 * where the posting model books denials and short-pays (docs/adr/0007-posting-model.md).
 */
public enum WriteOffKind {
    SMALL_BALANCE(LedgerAccount.WRITE_OFF, false),
    BAD_DEBT(LedgerAccount.BAD_DEBT, false),
    DECEASED(LedgerAccount.WRITE_OFF, true),
    BANKRUPTCY(LedgerAccount.BAD_DEBT, true),
    CHARITY(LedgerAccount.CHARITY_CARE, true),
    DENIAL_FINAL(LedgerAccount.CONTRACTUAL_ADJUSTMENT, false),
    SHORT_PAY_RESIDUE(LedgerAccount.CONTRACTUAL_ADJUSTMENT, false),
    NEVER_PAID(LedgerAccount.CONTRACTUAL_ADJUSTMENT, false);

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

    /** A third-party kind: scope "claim", writing off THIRD_PARTY_RECEIVABLE instead of a patient balance. */
    public boolean claimScope() {
        return account == LedgerAccount.CONTRACTUAL_ADJUSTMENT;
    }

    /** The receivable a write-off of this kind reduces. */
    public LedgerAccount receivable() {
        return claimScope() ? LedgerAccount.THIRD_PARTY_RECEIVABLE : LedgerAccount.PATIENT_RECEIVABLE;
    }
}
