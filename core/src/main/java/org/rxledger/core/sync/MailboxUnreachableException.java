package org.rxledger.core.sync;

/** The ERA mailbox cannot be reached, or refused the login or its host key did not match; nothing was imported from it. */
public final class MailboxUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailboxUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
