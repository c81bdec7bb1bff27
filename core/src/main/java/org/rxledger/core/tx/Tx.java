package org.rxledger.core.tx;

import org.rxledger.core.access.Actor;
import org.rxledger.core.access.IdentifierMask;
import java.time.Clock;

/**
 * One database transaction. A use case receives a {@code Tx}, does all its writes through the ports it asks of it,
 * and either all of them commit or none do (ARCHITECTURE.md rule 3).
 *
 * <p>The ports are the areas' own interfaces ({@code ClaimRepository} in {@code claim}, {@code Journal} in
 * {@code sync}, ...), looked up by type so that this package names no area and no area has to import every other
 * one to reach its own repository (docs/adr/0018-areas-own-their-ports.md).
 */
public interface Tx {

    Actor actor();

    Clock clock();

    /**
     * How list rows read in this transaction show patients' dates of birth and cardholder ids: by the permission of
     * the person signed in when it began ({@link IdentifierMask#of}). Masked unless the store says otherwise.
     */
    default IdentifierMask identifierMask() {
        return IdentifierMask.MASKED;
    }

    /**
     * The implementation of the port {@code type} bound to this transaction; the same instance for the whole
     * transaction. A type the store does not implement is a programming error ({@link IllegalArgumentException}).
     */
    <P> P port(Class<P> type);
}
