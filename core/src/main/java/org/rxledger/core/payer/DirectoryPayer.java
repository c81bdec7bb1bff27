package org.rxledger.core.payer;

import java.util.List;

/**
 * A payer (PBM or plan) of the directory with its 835 identities and routings. A merged payer keeps its
 * row with {@code mergedIntoId} set; its identities and routings belong to the survivor.
 */
public record DirectoryPayer(long id, String name, Long mergedIntoId, List<PayerIdentity> identities,
                             List<RoutingLink> routings) {

    public DirectoryPayer {
        identities = List.copyOf(identities);
        routings = List.copyOf(routings);
    }

    public boolean merged() {
        return mergedIntoId != null;
    }
}
