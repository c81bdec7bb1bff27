package org.rxledger.app.ui;

import java.util.concurrent.CancellationException;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.store.StoreException;

/**
 * Turns a failed background job into plain words for a clerk: what went wrong and what to do
 * (STYLE.md habit 5). The stack trace was already logged once by the task runner.
 */
public final class Failures {

    private Failures() {
    }

    /** @param doing what the job was doing, e.g. "loading the claims" */
    public static Notice explain(String doing, Throwable failure) {
        if (failure instanceof CancellationException) {
            return Notice.info("Cancelled", capitalise(doing) + " was cancelled.");
        }
        if (failure instanceof RxLedgerException refused) {
            // written for the person at the desk: a refused permission names it and says nothing was changed
            String then = switch (refused.code()) {
                case RxLedgerException.INVALID -> ". Check the value and try again.";
                case RxLedgerException.NOT_FOUND -> ". Reload the list (F5) and try again.";
                case RxLedgerException.REFUSED -> refused.getMessage().contains("othing was changed") ? "" : ". Nothing was changed.";
                default -> "";
            };
            return Notice.error("RxLedger could not finish " + doing + ": " + refused.getMessage() + then);
        }
        if (failure instanceof java.awt.print.PrinterException) {
            // PdfPrinting words these for the desk (no screen, no printer); the document is already on disk
            return Notice.error("RxLedger could not finish " + doing + ": " + failure.getMessage()
                    + " The document itself was written and is kept.");
        }
        if (failure instanceof StoreException) {
            return Notice.error("RxLedger could not finish " + doing + ": " + failure.getMessage());
        }
        if (failure instanceof java.util.NoSuchElementException) {
            return Notice.error("RxLedger could not finish " + doing + ": " + failure.getMessage()
                    + ". Reload the list (F5) and try again.");
        }
        if (failure instanceof IllegalStateException) {
            return Notice.error("RxLedger could not finish " + doing + ": " + failure.getMessage() + ". Nothing was changed.");
        }
        if (failure instanceof IllegalArgumentException) {
            return Notice.error("RxLedger could not finish " + doing + ": " + failure.getMessage()
                    + ". Check the value and try again.");
        }
        return Notice.error("RxLedger could not finish " + doing + " because of an unexpected problem ("
                + failure.getClass().getSimpleName() + "). Nothing was changed. Try again; if it happens again, "
                + "send the log file from the data folder to support.");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
