package org.rxledger.core.payer;

/** One problem in a payer directory CSV: line (1 = header), column name (or null for the whole row), reason. */
public record PayerImportError(String file, long line, String column, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
