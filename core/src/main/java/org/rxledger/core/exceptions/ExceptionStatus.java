package org.rxledger.core.exceptions;

/** Where a person's work on an exception stands. */
public enum ExceptionStatus {
    OPEN,
    RESOLVED
}
