package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;

/**
 * A whole 835 file in memory: only for small files (tests, previews, the writer's convenience
 * method). Large files stream through a {@link RemittanceHandler}.
 */
public record Remittance(List<Transaction> transactions) {

    /** One ST…SE: the payment header, its claims and its PLB pairs in file order. */
    public record Transaction(Payment payment, List<ClaimPayment> claims, List<ProviderAdjustment> providerAdjustments) {

        public Transaction {
            Objects.requireNonNull(payment, "payment");
            claims = List.copyOf(claims);
            providerAdjustments = List.copyOf(providerAdjustments);
        }
    }

    public Remittance {
        transactions = List.copyOf(transactions);
    }

    /** The same remittance with raw segments dropped from every claim. */
    public Remittance withoutRawSegments() {
        return new Remittance(transactions.stream().map(t -> new Transaction(t.payment(),
                t.claims().stream().map(ClaimPayment::withoutRawSegments).toList(), t.providerAdjustments())).toList());
    }
}
