package org.rxledger.core.audit;

/** An audit action that cannot be done; the message is plain words a clerk can act on. */
public class AuditCaseException extends RuntimeException {

    public AuditCaseException(String message) {
        super(message);
    }

    public AuditCaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
