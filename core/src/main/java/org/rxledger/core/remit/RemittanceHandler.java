package org.rxledger.core.remit;

/**
 * Receives an 835 as it streams, one completed piece at a time, so that a 250 MB file never sits in
 * memory. Order per transaction set: {@link #payment}, then each {@link #claim} and
 * {@link #providerAdjustment} in file order, then {@link #endPayment}.
 *
 * <p>Events are delivered before the rules that need the whole transaction (SE01 count, BPR02
 * balancing) have been checked, so a handler that writes anything must only run over a file that
 * has already passed a checking read — {@link RemittanceImportService} reads twice for that reason.
 * All methods default to doing nothing.
 */
public interface RemittanceHandler {

    /** The header of payment {@code number} (1-based in the file) is complete. */
    default void payment(int number, Payment payment) {
    }

    /**
     * False when this handler ignores {@link #claim}: the reader then still checks every claim but
     * skips building the claim objects (a checking pass runs faster).
     */
    default boolean wantsClaims() {
        return true;
    }

    /** A claim (with its service lines) of the current payment is complete and has been balanced. */
    default void claim(ClaimPayment claim) {
    }

    /** One PLB pair of the current payment. */
    default void providerAdjustment(ProviderAdjustment adjustment) {
    }

    /** The SE of the current payment was read; {@code claimCount} claims were delivered. */
    default void endPayment(int number, Payment payment, int claimCount) {
    }
}
