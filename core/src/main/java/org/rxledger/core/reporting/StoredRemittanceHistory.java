package org.rxledger.core.reporting;

import java.util.List;
import java.util.Objects;
import org.rxledger.core.audit.RemittanceHistory;
import org.rxledger.core.tx.Transactions;

/**
 * The packet's "Remittance lines" from the stored 835s: the claim payments that matching linked to
 * the claim. Until matching has run, claims have none and the packet leaves the section out.
 */
public final class StoredRemittanceHistory implements RemittanceHistory {

    private final Transactions transactions;

    public StoredRemittanceHistory(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<Line> forClaim(long claimId) {
        return transactions.read(tx -> tx.port(ReportingRepository.class).remittanceLinesOfClaim(claimId));
    }
}
