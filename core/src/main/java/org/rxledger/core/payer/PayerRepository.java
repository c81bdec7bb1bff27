package org.rxledger.core.payer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the payer directory's tables (V019) and the few matching facts it learns from. */
public interface PayerRepository {

    /** How a stored payment names its payer: the identifier kept at import (TRN03, else N104, else BPR10) and N1*PR. */
    record PaymentIdentity(String identifier, String name) {
    }

    /** Matched claim payments of one payment identity with both CLP07 and the claim's 503-F3, and how many agree. */
    record Clp07Lines(PaymentIdentity payment, long lines, long equal) {
    }

    /** Matched claim payments on claims of one BIN + PCN, per payment identity. */
    record RoutingLines(PaymentIdentity payment, long lines) {
    }

    /** A learned link, applied or waiting for a person. */
    record LinkProposal(long id, Routing routing, Long payerId, String payerName, long paymentId, int lines,
                        int agreeing, String status, Instant proposedAt) {
    }

    /** Every payer (merged ones too) with its identities and routings. */
    List<DirectoryPayer> payers();

    long insertPayer(String name, Instant at, String by);

    void insertIdentity(long payerId, PayerIdentity identity);

    long insertRouting(long payerId, Routing routing, String source, Instant at, String by);

    void moveRouting(long routingId, long payerId);

    void deleteRouting(long routingId);

    /** Moves every identity and routing of {@code fromPayerId} to {@code toPayerId} and records the merge. */
    void merge(long fromPayerId, long toPayerId, Instant at);

    Optional<PaymentIdentity> paymentIdentity(long paymentId);

    /** CLP07 evidence of every payment identity with matched lines. */
    List<Clp07Lines> clp07Lines();

    /** CLP07 evidence of the payments with one of these identifiers (TRN03 / N104 as stored) or N1*PR names. */
    List<Clp07Lines> clp07Lines(Collection<String> identifiers, Collection<String> names);

    /** The same, for the lines of one payment only. */
    List<Clp07Lines> clp07Lines(Collection<String> identifiers, Collection<String> names, long paymentId);

    /** Matched claim payments (automatic or by a person) on claims billed to this BIN and PCN. */
    List<RoutingLines> routingLines(String bin, String pcn);

    void insertProposal(Routing routing, Long payerId, String payerName, long paymentId, int lines, int agreeing,
                        String status, Instant at);

    List<LinkProposal> proposals();
}
