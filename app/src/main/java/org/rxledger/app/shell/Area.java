package org.rxledger.app.shell;

/**
 * The areas of the left navigation. Only areas that exist are listed; later issues add
 * REMITTANCES, WORK_QUEUE, RECONCILIATION, AUDITS and REPORTS here and a view for each in ShellView.
 */
public enum Area {
    CLAIMS("Claims", "Browse, filter and open claims"),
    AUDITS("Audits", "PBM audit cases, due dates and desk-audit packets");

    private final String label;
    private final String description;

    Area(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
