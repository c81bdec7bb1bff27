package org.rxledger.core.collections;

import java.util.List;
import java.util.Map;
import org.rxledger.core.money.Money;

/**
 * One statement as it is printed: the account, its open fills, the payments since the previous statement, the aging
 * and the dunning message of its step. The patient is the addressee, so printing it is no disclosure.
 */
public record StatementNotice(Statement statement, String accountName, DunningStep step, List<AccountItem> items,
                              List<AccountActivity> payments, Map<AgingBucket, Money> aging) {

    public Money amountDue() {
        return statement.amountDue();
    }
}
