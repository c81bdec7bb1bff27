package org.rxledger.core.store;

/** The local database could not be opened or used; the message says what to do. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
