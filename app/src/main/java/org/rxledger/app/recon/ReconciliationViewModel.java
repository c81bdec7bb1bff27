package org.rxledger.app.recon;

import java.util.function.Consumer;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.tx.Transactions;

/** The reconciliation area's tabs; loads them when the area is first shown. */
public final class ReconciliationViewModel {

    private final DepositsViewModel deposits;
    private boolean loaded;

    public ReconciliationViewModel(Transactions transactions, TaskRunner runner, Consumer<Notice> notices) {
        this.deposits = new DepositsViewModel(transactions, runner, notices);
    }

    /** Loads on first visit; later visits keep what is shown until the clerk reloads. */
    public void shown() {
        if (!loaded) {
            loaded = true;
            reload();
        }
    }

    public void reload() {
        deposits.reload();
    }

    public DepositsViewModel deposits() {
        return deposits;
    }
}
