package org.rxledger.app.ui;

/** A non-blocking message for the notification banner: what happened and what to do. */
public record Notice(Kind kind, String text) {

    public enum Kind { INFO, WARNING, ERROR }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
