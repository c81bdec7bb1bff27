package org.rxledger.core.reference;

/** A plan routed by BIN/PCN/group (101-A1, 104-A4, 301-C1) and paid by one payer. */
public record Plan(long id, long payerId, String name, String bin, String pcn, String groupId) {

    /** "610014 / TESTPCN / GRP7781" */
    public String routing() {
        return bin + " / " + (pcn == null || pcn.isEmpty() ? "—" : pcn) + " / " + (groupId == null || groupId.isEmpty() ? "—" : groupId);
    }
}
