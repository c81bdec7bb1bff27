package org.rxledger.core.security;

/**
 * What {@link AccountService} tells the encrypted office's key file about passwords (docs/adr/0024-encryption-at-rest.md,
 * point 4): a password set (new account, change, reset) wraps the data key for that account; a switched-off account
 * loses its slot; a sign-in of an account without a slot (an office encrypted by someone else) gets one.
 * A clear-text office has {@link #NONE}.
 */
public interface KeySlots {

    KeySlots NONE = new KeySlots() {
        @Override
        public void passwordSet(String account, char[] password) {
        }

        @Override
        public void signedIn(String account, char[] password) {
        }

        @Override
        public void removed(String account) {
        }
    };

    /** The account's slot now opens with {@code password} (written anew: a fresh salt and nonce). */
    void passwordSet(String account, char[] password);

    /** Writes the account's slot if it has none yet; leaves an existing one alone. */
    void signedIn(String account, char[] password);

    void removed(String account);

    /**
     * Seals the key under a new recovery code and returns the code, to be shown once (docs/adr/0024-encryption-at-rest.md,
     * point 5); refused for a clear office and for a second export.
     */
    default String exportRecoveryCode() {
        throw org.rxledger.core.error.RxLedgerException.refused("This office is not encrypted: it has no recovery code "
                + "(rxledger encrypt encrypts it).");
    }
}
