package org.rxledger.core.remit;

/**
 * What opening the store found of an import that a killed process left unpublished, and what it did
 * about it. The message names the file (a file name, never patient data) and is shown by the CLI and
 * the workstation.
 */
public record InterruptedImport(long importId, String fileName, Outcome outcome, String message) {

    public enum Outcome {
        /** Nothing of the file was on disk. */
        NOTHING_STORED,
        /** The file was stored completely (its rows match its manifest) and is now published. */
        COMPLETED,
        /** Part of the file was on disk; it was removed, the file can be imported again. */
        REMOVED,
        /** Part of the file is on disk and could not be removed; a person must restore a backup. */
        QUARANTINED
    }
}
