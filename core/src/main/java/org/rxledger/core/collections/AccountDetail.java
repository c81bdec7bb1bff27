package org.rxledger.core.collections;

import java.util.List;

/** One account: its summary, open items, every ledger movement, holds placed and statements sent. */
public record AccountDetail(PatientAccount account, List<AccountItem> items, List<AccountActivity> activity,
                            List<Statement> statements) {
}
