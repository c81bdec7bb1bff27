package org.rxledger.core.sync;

/**
 * The central server cannot be reached (down, network cut, refused login). Nothing was lost: what was not
 * acknowledged is sent again by the next sync.
 */
public final class CentralUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CentralUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
