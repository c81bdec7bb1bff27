package org.rxledger.core.reporting;

/** Where a denial was seen. */
public enum DenialSource {
    /** A claim on an 835 with CLP02 = 4 (denied), or paid 0 with a non-patient CAS reason. */
    REMITTANCE("835 remittance"),
    /** An NCPDP adjudication with response status R (rejected at the point of sale). */
    NCPDP_REJECT("NCPDP reject");

    private final String label;

    DenialSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
