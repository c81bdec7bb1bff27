package org.rxledger.app.recon;

import java.time.Clock;
import java.util.function.Consumer;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.recon.ReconciliationService;

/** The reconciliation area's tabs; loads them when the area is first shown. */
public final class ReconciliationViewModel {

    private final DailyViewModel daily;
    private final ClaimReconViewModel claims;
    private final AgingViewModel aging;
    private final DepositsViewModel deposits;
    private final MfpRefundsViewModel mfp;
    private boolean loaded;

    public ReconciliationViewModel(ReconciliationService reconciliation, DailyReconciliationService daily,
                                   DepositService deposits, MfpService mfp, TaskRunner runner, Consumer<Notice> notices,
                                   Clock clock) {
        this.daily = new DailyViewModel(daily, runner, notices, clock);
        this.claims = new ClaimReconViewModel(reconciliation, runner, notices);
        this.aging = new AgingViewModel(reconciliation, runner, notices, clock);
        this.deposits = new DepositsViewModel(deposits, runner, notices, clock);
        this.mfp = new MfpRefundsViewModel(mfp, runner, notices, clock);
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
