package org.rxledger.app.claims;

import java.util.function.Consumer;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ChargeEntry;
import org.rxledger.core.claim.ClaimIdentifiers;
import org.rxledger.core.claim.ClaimRecords;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.tx.Transactions;

/** The claim screens' view models wired to a test store, as the workstation's setup wires them. */
final class ClaimScreens {

    private ClaimScreens() {
    }

    static ClaimDetailViewModel detail(Transactions transactions, TaskRunner runner, Consumer<Notice> notices) {
        return new ClaimDetailViewModel(new ClaimRecords(transactions), new ClaimIdentifiers(transactions),
                new ChargeEntry(transactions, new ClaimRules(transactions.clock())), runner, notices);
    }
}
