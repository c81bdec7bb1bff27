package org.rxledger.core.audit;

/** What an attached document proves for one requested claim (DOMAIN.md §5.2, §5.5 item 3). */
public enum DocumentKind {
    HARD_COPY_FRONT("Prescription hard copy (front)"),
    HARD_COPY_BACK("Prescription hard copy (back)"),
    SIGNATURE_LOG("Signature log"),
    DELIVERY_PROOF("Proof of delivery"),
    OTHER("Other document");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
