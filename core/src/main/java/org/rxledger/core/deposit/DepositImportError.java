package org.rxledger.core.deposit;

/** One problem in a deposits CSV: line (1 = header), column name (or null for the whole row), reason. */
public record DepositImportError(String file, long line, String column, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
