package org.rxledger.core.payer;

import java.util.Locale;

/**
 * A BIN + PCN (+ group) a payer adjudicates (DOMAIN.md §8.4: BIN+PCN (+ group) selects the payer sheet).
 * A blank PCN or group means "any": {@code 610502} alone covers every PCN of that BIN. Resolution picks the
 * most specific routing that covers a claim (BIN+PCN+group over BIN+PCN over BIN).
 */
public record Routing(String bin, String pcn, String groupId) {

    public Routing {
        bin = bin == null ? "" : bin.strip().replace('Ø', '0');
        pcn = pcn == null ? "" : pcn.strip().toUpperCase(Locale.ROOT);
        groupId = groupId == null ? "" : groupId.strip().toUpperCase(Locale.ROOT);
        String problem = problem(bin, pcn, groupId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these values are not a routing, naming the field; null when they are one. */
    public static String problem(String bin, String pcn, String groupId) {
        if (bin == null || !bin.strip().matches("\\d{6}")) {
            return "BIN must be exactly 6 digits, found '" + (bin == null ? "" : bin.strip()) + "'";
        }
        if (pcn != null && !pcn.strip().matches("[A-Za-z0-9]{0,10}")) {
            return "PCN must be up to 10 letters or digits, found '" + pcn.strip() + "'";
        }
        if (groupId != null && groupId.strip().length() > 15) {
            return "group id must be at most 15 characters, found " + groupId.strip().length();
        }
        return null;
    }

    /** Whether a claim billed to this BIN, PCN and group is adjudicated under this routing. */
    public boolean covers(String claimBin, String claimPcn, String claimGroup) {
        return bin.equals(claimBin == null ? "" : claimBin.strip())
                && (pcn.isEmpty() || pcn.equalsIgnoreCase(claimPcn == null ? "" : claimPcn.strip()))
                && (groupId.isEmpty() || groupId.equalsIgnoreCase(claimGroup == null ? "" : claimGroup.strip()));
    }

    /** 2 = BIN+PCN+group, 1 = BIN+PCN (or BIN+group), 0 = BIN only; PCN outranks group at equal counts. */
    public int specificity() {
        return (pcn.isEmpty() ? 0 : 4) + (groupId.isEmpty() ? 0 : 2);
    }

    /** "BIN 610502 PCN NSRX group G1" */
    public String label() {
        return "BIN " + bin + (pcn.isEmpty() ? "" : " PCN " + pcn) + (groupId.isEmpty() ? "" : " group " + groupId);
    }
}
