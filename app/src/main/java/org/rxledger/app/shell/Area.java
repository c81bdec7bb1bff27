package org.rxledger.app.shell;

/**
 * The areas of the left navigation, in the order a clerk's day runs through them: enter and fix
 * claims, take in remittances, work what did not pay as expected, reconcile, answer audits, keep the payer directory right, and hand workbooks to whoever asks. Each
 * has a view in ShellView.
 */
public enum Area {
    HOME("Home", "The owner's figures: A/R and DSO, days to pay, denials, underpaid, aging trend, collections (Ctrl+H)"),
    CLAIMS("Claims", "Browse, filter and open claims"),
    CHARGE_ENTRY("Charge entry", "Enter a prescription charge, or rebill a claim (Ctrl+N)"),
    REJECTS("Rejects", "Rejected claims to follow up, grouped by reject family (Ctrl+J)"),
    REMITTANCES("Remittances", "Import and review 835 remittances (ERA)"),
    EXCEPTIONS("Exceptions", "Work queue: unmatched, short-paid, denied, reversed … items to resolve (Ctrl+3)"),
    RECONCILIATION("Reconciliation", "Daily reconciliation, claims, aging and deposits (Ctrl+5)"),
    AUDITS("Audits", "PBM audit cases, due dates and desk-audit packets (Ctrl+4)"),
    PAYERS("Payers", "Payer directory: routings, 835 identities; merge payers, move routings (Ctrl+6)"),
    PATIENT_ACCOUNTS("Patient accounts", "Patient balances, aging, holds and the write-off review queue (Ctrl+7)"),
    REPORTS("Reports", "Excel reports: claims, remittances, denials, reconciliation, aging (Ctrl+8)"),
    SYNC("Sync", "Sync with the central server: conflicts, parked events, events waiting to be sent (Ctrl+9)"),
    CONTRACTS("Contracts", "Payer contracts, price lists, change notices and claims paid below contract (Ctrl+0)");

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
