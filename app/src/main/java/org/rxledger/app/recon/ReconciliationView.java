package org.rxledger.app.recon;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The reconciliation area: one tab per way of asking "did every dollar arrive and post?". */
public final class ReconciliationView extends TabPane {

    private final DepositsView deposits;

    public ReconciliationView(ReconciliationViewModel vm) {
        setId("reconciliation");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        deposits = new DepositsView(vm.deposits());
        Tab depositsTab = new Tab("Deposits", deposits);
        depositsTab.setId("depositsTab");
        getTabs().add(depositsTab);
    }

    public void focusFirst() {
        deposits.focusDeposits();
    }
}
