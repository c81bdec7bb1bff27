package org.rxledger.core.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Port: the append-only disclosure log (table {@code disclosure}); written inside the disclosing use case. */
public interface DisclosureLog {

    /** Records a disclosure by the transaction's actor, now. */
    void record(Disclosure.Kind kind, String recipient, String reference, Collection<Long> patientIds);

    /** Disclosures in [from, to), oldest first; null bounds are open. */
    List<Disclosure> between(Instant from, Instant to);

    /** Every disclosure that included the patient, oldest first (one patient's accounting). */
    List<Disclosure> forPatient(long patientId);
}
