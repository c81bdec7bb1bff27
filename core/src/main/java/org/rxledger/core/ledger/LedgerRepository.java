package org.rxledger.core.ledger;

import java.util.List;
import java.util.Map;
import org.rxledger.core.money.Money;

/** Port: the append-only ledger. There is deliberately no update or delete. */
public interface LedgerRepository {

    void append(LedgerBatch batch);

    /** Appends several balanced batches at once; adapters may write them in one statement batch. */
    default void appendAll(List<LedgerBatch> batches) {
        batches.forEach(this::append);
    }

    List<LedgerEntry> forClaim(long claimId);

    Money balance(LedgerAccount account);

    Money claimBalance(long claimId, LedgerAccount account);

    /** Balances of every account that has entries; the values sum to zero. */
    Map<LedgerAccount, Money> trialBalance();

    long count();
}
