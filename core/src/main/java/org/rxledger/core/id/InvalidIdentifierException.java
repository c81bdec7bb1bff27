package org.rxledger.core.id;

/** An identifier failed its format or check-digit rule; the message is written for a clerk. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field's name as a clerk knows it, e.g. "NPI". */
    public String field() {
        return field;
    }

    /** The reason without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
