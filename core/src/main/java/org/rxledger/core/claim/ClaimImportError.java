package org.rxledger.core.claim;

/**
 * One reason a claims file was refused: where (file, line, column) and why, in plain words.
 * {@code line} is the 1-based line of the file (the header row is line 1); {@code column} is the
 * canonical column name, or empty when the problem is the whole row or file.
 */
public record ClaimImportError(String file, long line, String column, String message) {

    /** "claims.csv line 3, column prescriber_npi: Prescriber NPI … fails the check digit …" */
    @Override
    public String toString() {
        return file + " line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + message;
    }
}
