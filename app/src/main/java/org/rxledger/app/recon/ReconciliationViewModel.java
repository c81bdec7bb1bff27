package org.rxledger.app.recon;

import java.util.function.Consumer;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.tx.Transactions;

/** The reconciliation area's tabs; loads them when the area is first shown. */
public final class ReconciliationViewModel {

    private final DailyViewModel daily;
    private final ClaimReconViewModel claims;
    private final AgingViewModel aging;
    private final DepositsViewModel deposits;
    private final MfpRefundsViewModel mfp;
    private boolean loaded;

    public ReconciliationViewModel(Transactions transactions, TaskRunner runner, Consumer<Notice> notices) {
        this.daily = new DailyViewModel(transactions, runner, notices);
        this.claims = new ClaimReconViewModel(transactions, runner, notices);
        this.aging = new AgingViewModel(transactions, runner, notices);
        this.deposits = new DepositsViewModel(transactions, runner, notices);
        this.mfp = new MfpRefundsViewModel(transactions, runner, notices);
    }

    /** Loads on first visit; later visits keep what is shown until the clerk reloads. */
    public void shown() {
        if (!loaded) {
            loaded = true;
            daily.shown();
            claims.reload();
            aging.shown();
            deposits.reload();
            mfp.shown();
        }
    }

    public void reload() {
        daily.reload();
        claims.reload();
        aging.reload();
        deposits.reload();
        mfp.reload();
    }

    public DailyViewModel daily() {
        return daily;
    }

    public ClaimReconViewModel claims() {
        return claims;
    }

    public AgingViewModel aging() {
        return aging;
    }

    public DepositsViewModel deposits() {
        return deposits;
    }

    public MfpRefundsViewModel mfp() {
        return mfp;
    }
}
