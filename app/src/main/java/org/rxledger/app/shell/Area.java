package org.rxledger.app.shell;

/**
 * The areas of the left navigation. Only areas that exist are listed; later issues add
 * REMITTANCES, WORK_QUEUE, RECONCILIATION, AUDITS and REPORTS here and a view for each in ShellView.
 */
public enum Area {
    CLAIMS("Claims", "Browse, filter and open claims"),
    CHARGE_ENTRY("Charge entry", "Enter a prescription charge, or rebill a claim (Ctrl+N)"),
    REJECTS("Rejects", "Rejected claims to follow up, grouped by reject family (Ctrl+J)"),
    REMITTANCES("Remittances", "Import and review 835 remittances (ERA)"),
    RECONCILIATION("Reconciliation", "Deposits against 835 payments"),
    AUDITS("Audits", "PBM audit cases, due dates and desk-audit packets"),
    EXCEPTIONS("Exceptions", "Work queue: unmatched, short-paid, denied, reversed … items to resolve (Ctrl+3)");

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
