package org.rxledger.app.recon;

import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The reconciliation area: one tab per way of asking "did every dollar arrive and post?" — Daily, Claims,
 * Aging, Deposits, MFP refunds. Ctrl+Tab / Ctrl+Shift+Tab move between tabs; the focus lands in the tab's table.
 */
public final class ReconciliationView extends TabPane {

    private final DailyView daily;
    private final ClaimReconView claims;
    private final AgingView aging;
    private final DepositsView deposits;
    private final MfpRefundsView mfp;

    public ReconciliationView(ReconciliationViewModel vm) {
        setId("reconciliation");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        daily = new DailyView(vm.daily());
        claims = new ClaimReconView(vm.claims());
        aging = new AgingView(vm.aging());
        deposits = new DepositsView(vm.deposits());
        mfp = new MfpRefundsView(vm.mfp());
        getTabs().addAll(tab("Daily", "dailyTab", daily), tab("Claims", "claimsReconTab", claims),
                tab("Aging", "agingTab", aging), tab("Deposits", "depositsTab", deposits),
                tab("MFP refunds", "mfpTab", mfp));
        getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> Platform.runLater(this::focusFirst));
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    /** Puts the focus in the selected tab's main table. */
    public void focusFirst() {
        switch (getSelectionModel().getSelectedIndex()) {
            case 0 -> daily.focusTable();
            case 1 -> claims.focusTable();
            case 2 -> aging.focusTable();
            case 3 -> deposits.focusDeposits();
            default -> mfp.focusTable();
        }
    }
}
