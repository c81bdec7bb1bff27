package org.rxledger.app.ui;

/** A non-blocking message for the banner above the current area: what happened and what to do. */
public record Notice(Kind kind, String title, String text) {

    public enum Kind { INFO, WARNING, ERROR }

    public static Notice info(String title, String text) {
        return new Notice(Kind.INFO, title, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, "Something did not work", text);
    }
}
